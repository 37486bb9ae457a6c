package io.camelopenclaw.springboot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's generated sources ({@code src/generated}) are exactly what {@link StarterSources} renders from the
 * component's {@code openclaw.json}. After adding or changing a component option, regenerate them (and the docs'
 * option tables) with
 *
 * <pre>
 * mvn test -pl camel-openclaw,camel-openclaw-starter -am -Dtest=OpenClawDocsTest,StarterSourcesTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dopenclaw.regenerate=true
 * </pre>
 */
class StarterSourcesTest {

    static final Path CONFIGURATION =
            Path.of("src/generated/java/io/camelopenclaw/springboot/OpenClawComponentConfiguration.java");
    static final Path IDE_METADATA =
            Path.of("src/generated/resources/META-INF/additional-spring-configuration-metadata.json");

    @Test
    void theConfigurationPropertiesAreGeneratedFromTheComponentMetadata() throws Exception {
        check(CONFIGURATION, StarterSources.fromClasspath().configurationClass());
    }

    @Test
    void theIdeDefaultsAndHintsAreGeneratedFromTheComponentMetadata() throws Exception {
        check(IDE_METADATA, StarterSources.fromClasspath().additionalMetadata());
    }

    private static void check(Path file, String expected) throws Exception {
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!actual.equals(expected) && Boolean.getBoolean("openclaw.regenerate")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual)
                .as(
                        "%s is out of date with openclaw.json; regenerate it with -Dopenclaw.regenerate=true (see the"
                                + " Javadoc of StarterSourcesTest)",
                        file)
                .isEqualTo(expected);
    }
}
