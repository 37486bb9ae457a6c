package io.camelopenclaw.component.kamelet;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets are consistent with themselves and with the component: every placeholder of the template is a
 * property of the definition and the other way round, every endpoint parameter is an option of the openclaw
 * component under the same name, secrets are marked as passwords, and the Maven dependency is this build's artifact.
 */
class OpenClawKameletDefinitionTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([^}]+)}}");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kamelet(String name) throws Exception {
        try (InputStream in = OpenClawKameletDefinitionTest.class
                .getClassLoader()
                .getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as("kamelets/%s.kamelet.yaml on the classpath", name).isNotNull();
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
    }

    private static JsonNode componentJson() throws Exception {
        try (InputStream in = OpenClawKameletDefinitionTest.class
                .getClassLoader()
                .getResourceAsStream("META-INF/io/camelopenclaw/component/openclaw.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String... path) {
        Object node = map;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
            assertThat(node).as(String.join(".", path)).isNotNull();
        }
        return (T) node;
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"openclaw-sink", "openclaw-source"})
    void definitionAndTemplateAgree(String name) throws Exception {
        Map<String, Object> kamelet = kamelet(name);
        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        assertThat(at(kamelet, "metadata", "name").toString()).isEqualTo(name);
        assertThat(at(kamelet, "metadata", "labels", "camel.apache.org/kamelet.type")
                        .toString())
                .isEqualTo(name.substring(name.indexOf('-') + 1));

        Map<String, Map<String, Object>> properties = at(kamelet, "spec", "definition", "properties");
        Map<String, Object> template = at(kamelet, "spec", "template");
        Set<String> placeholders = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template.toString());
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        assertThat(placeholders).isEqualTo(new TreeSet<>(properties.keySet()));
        Map<String, Object> definition = at(kamelet, "spec", "definition");
        List<String> required = (List<String>) definition.getOrDefault("required", List.of());
        assertThat(properties.keySet()).containsAll(required);
        properties.forEach((property, schema) -> {
            assertThat(schema).as(property).containsKeys("title", "description", "type");
            boolean secret = property.equals("token") || property.equals("password");
            assertThat(schema.get("format")).as("%s format", property).isEqualTo(secret ? "password" : null);
            if (secret) {
                assertThat((List<String>) schema.get("x-descriptors"))
                        .contains("urn:alm:descriptor:com.tectonic.ui:password", "urn:camel:group:credentials");
            }
        });
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"openclaw-sink", "openclaw-source"})
    void endpointParametersAreComponentOptionsOfTheSameName(String name) throws Exception {
        Map<String, Object> kamelet = kamelet(name);
        Map<String, Object> template = at(kamelet, "spec", "template");
        Map<String, Object> from = at(template, "from");
        List<Map<String, Object>> endpoints = new ArrayList<>();
        endpoints.add(from);
        for (Map<String, Object> step : (List<Map<String, Object>>) from.getOrDefault("steps", List.of())) {
            if (step.get("to") instanceof Map<?, ?> to) {
                endpoints.add((Map<String, Object>) to);
            }
        }
        Map<String, Object> openclaw = endpoints.stream()
                .filter(e -> e.get("uri").toString().startsWith("openclaw:"))
                .findFirst()
                .orElseThrow();
        JsonNode options = componentJson().path("properties");

        Map<String, Object> parameters = (Map<String, Object>) openclaw.get("parameters");
        assertThat(parameters).isNotEmpty();
        parameters.forEach((parameter, value) -> {
            assertThat(options.has(parameter))
                    .as("%s is an openclaw option", parameter)
                    .isTrue();
            assertThat(value.toString()).as(parameter).matches("\\{\\{\\??" + Pattern.quote(parameter) + "}}");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"openclaw-sink", "openclaw-source"})
    void theComponentDocumentationListsEveryProperty(String name) throws Exception {
        String adoc = Files.readString(Path.of("src/main/docs/openclaw-component.adoc"));
        String section = adoc.substring(adoc.indexOf("=== Kamelets"), adoc.indexOf("=== Camel JBang"));
        String entry = section.substring(section.indexOf("* `" + name + "`"));
        entry = entry.substring(0, entry.indexOf("\n* ") > 0 ? entry.indexOf("\n* ") : entry.indexOf("\n\n"));

        Map<String, Map<String, Object>> properties = at(kamelet(name), "spec", "definition", "properties");

        for (String property : properties.keySet()) {
            assertThat(entry).as("the %s entry of the Kamelets section", name).contains("`" + property + "`");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openclaw-sink", "openclaw-source"})
    void theDependencyIsThisArtifact(String name) throws Exception {
        JsonNode component = componentJson().path("component");
        String artifact = "mvn:" + component.path("groupId").asText() + ":"
                + component.path("artifactId").asText() + ":"
                + component.path("version").asText();

        List<String> dependencies = at(kamelet(name), "spec", "dependencies");

        assertThat(dependencies).contains("camel:kamelet", artifact);
        assertThat(at(kamelet(name), "metadata", "annotations", "camel.apache.org/catalog.version")
                        .toString())
                .isEqualTo(component.path("version").asText());
    }
}
