package io.camelopenclaw.springboot;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter follows the component: every component option of the generated {@code openclaw.json} has a
 * {@code camel.component.openclaw.*} property with a description, the same default and a matching type in the IDE
 * metadata the build generates (and no property names an option the component does not have).
 */
class SpringConfigurationMetadataTest {

    private static final String PREFIX = StarterSources.PREFIX;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in =
                SpringConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return MAPPER.readTree(in);
        }
    }

    @Test
    void everyComponentOptionIsAPropertyWithTheSameDefault() throws Exception {
        JsonNode options =
                read("META-INF/io/camelopenclaw/component/openclaw.json").path("componentProperties");
        Map<String, JsonNode> properties = new HashMap<>();
        read("META-INF/spring-configuration-metadata.json")
                .path("properties")
                .forEach(p -> properties.put(p.path("name").asText(), p));

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            String name = PREFIX + StarterSources.kebab(option.getKey());
            JsonNode property = properties.remove(name);
            if (property == null) {
                problems.add(name + ": missing");
                continue;
            }
            if (property.path("description").asText().isBlank()) {
                problems.add(name + ": no description");
            }
            String expectedType = switch (option.getValue().path("type").asText()) {
                case "boolean" -> "java.lang.Boolean";
                case "integer" -> "java.lang.Integer";
                case "duration" -> "java.time.Duration";
                case "string" -> "java.lang.String";
                case "enum" -> option.getValue().path("javaType").asText();
                default -> null; // objects: the component's own types
            };
            if (expectedType != null
                    && !expectedType.equals(property.path("type").asText())) {
                problems.add(name + ": type " + property.path("type").asText() + ", expected " + expectedType);
            }
            JsonNode expected = option.getValue().get("defaultValue");
            JsonNode actual = property.get("defaultValue");
            if (expected == null ? actual != null : !sameDefault(option.getValue(), expected, actual)) {
                problems.add(name + ": default " + actual + ", expected " + expected);
            }
        }
        properties.remove(PREFIX + "enabled");
        properties.remove(PREFIX + "customizer.enabled");
        properties.keySet().removeIf(name -> !name.startsWith(PREFIX));
        properties.keySet().forEach(name -> problems.add(name + ": not an option of the component"));

        assertThat(problems).isEmpty();
    }

    private static boolean sameDefault(JsonNode option, JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if ("duration".equals(option.path("type").asText())) {
            return DurationStyle.detectAndParse(actual.asText()).toMillis() == Long.parseLong(expected.asText());
        }
        return expected.asText().equals(actual.asText());
    }

    @Test
    void theEnumOptionsOfferTheirValues() throws Exception {
        JsonNode options =
                read("META-INF/io/camelopenclaw/component/openclaw.json").path("componentProperties");
        Map<String, List<String>> hints = new HashMap<>();
        read("META-INF/spring-configuration-metadata.json").path("hints").forEach(h -> {
            List<String> values = new ArrayList<>();
            h.path("values").forEach(v -> values.add(v.path("value").asText()));
            hints.put(h.path("name").asText(), values);
        });

        options.properties().forEach(option -> {
            if ("enum".equals(option.getValue().path("type").asText())) {
                List<String> values = new ArrayList<>();
                option.getValue().path("enum").forEach(v -> values.add(v.asText()));
                assertThat(hints.get(PREFIX + StarterSources.kebab(option.getKey())))
                        .as(option.getKey())
                        .isEqualTo(values);
            }
        });
    }
}
