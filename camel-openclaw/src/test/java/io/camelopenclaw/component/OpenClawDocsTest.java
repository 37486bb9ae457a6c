package io.camelopenclaw.component;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the option and header tables of the documentation in sync with the generated component metadata
 * ({@code openclaw.json}): the tables between the markers in {@code src/main/docs/openclaw-component.adoc} and
 * {@code docs/configuration.md} must be exactly what this test renders from the JSON. After changing an option or a
 * header, regenerate them with
 *
 * <pre>
 * mvn test -pl camel-openclaw,camel-openclaw-starter -am -Dtest=OpenClawDocsTest,StarterSourcesTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenclaw.regenerate=true
 * </pre>
 */
class OpenClawDocsTest {

    static final Path ADOC = Path.of("src/main/docs/openclaw-component.adoc");
    static final Path CONFIGURATION_MD = Path.of("../docs/configuration.md");

    static final String ADOC_START = "// component options: START";
    static final String ADOC_END = "// component options: END";
    static final String MD_START = "<!-- generated from openclaw.json by OpenClawDocsTest: START -->";
    static final String MD_END = "<!-- generated from openclaw.json by OpenClawDocsTest: END -->";
    static final String PREFIX = "camel.component.openclaw.";

    private static JsonNode json() throws Exception {
        try (InputStream in = OpenClawDocsTest.class
                .getClassLoader()
                .getResourceAsStream("META-INF/io/camelopenclaw/component/openclaw.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        return new ArrayList<>(node.properties());
    }

    @Test
    void adocTablesMatchTheMetadata() throws Exception {
        check(ADOC, ADOC_START, ADOC_END, adocTables(json()));
    }

    @Test
    void configurationReferenceMatchesTheMetadata() throws Exception {
        check(CONFIGURATION_MD, MD_START, MD_END, markdownTables(json()));
    }

    @Test
    void everyOptionAndHeaderIsDocumented() throws Exception {
        JsonNode json = json();
        String adoc = Files.readString(ADOC);
        String md = Files.readString(CONFIGURATION_MD);
        for (Map.Entry<String, JsonNode> option : entries(json.path("componentProperties"))) {
            assertThat(adoc).contains("| *" + option.getKey() + "* (");
            assertThat(md).contains("`" + PREFIX + kebab(option.getKey()) + "`");
        }
        for (Map.Entry<String, JsonNode> option : entries(json.path("properties"))) {
            assertThat(adoc).contains("| *" + option.getKey() + "* (");
            assertThat(md).contains("| `" + option.getKey() + "` |");
        }
        for (Map.Entry<String, JsonNode> header : entries(json.path("headers"))) {
            assertThat(adoc).contains("| `" + header.getKey() + "` (");
            assertThat(md).contains("| `" + header.getKey() + "` |");
        }
    }

    /** A YAML block of AsciiDoc ({@code [source,yaml]} then {@code ----}) or Markdown ({@code ```yaml}). */
    private static final Pattern YAML_BLOCK =
            Pattern.compile("\\[source,yaml]\\n----\\n(.*?)\\n----\\n|```yaml\\n(.*?)\\n```", Pattern.DOTALL);

    /** Every YAML route of the documentation loads with the YAML DSL, and its openclaw: endpoints resolve. */
    @Test
    void yamlRouteExamplesLoadAndTheirEndpointsResolve() throws Exception {
        List<Path> documents = new ArrayList<>(List.of(ADOC));
        try (Stream<Path> md = Files.list(CONFIGURATION_MD.getParent())) {
            md.filter(f -> f.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        int routes = 0;
        for (Path document : documents) {
            Matcher m = YAML_BLOCK.matcher(Files.readString(document));
            while (m.find()) {
                String yaml = m.group(1) != null ? m.group(1) : m.group(2);
                if (!yaml.startsWith("- route:")) {
                    continue; // application.yml, Kamelet pipes, ...
                }
                routes += checkRoutes(document + " block at offset " + m.start(), yaml);
            }
        }
        assertThat(routes).as("YAML routes found in the documentation").isGreaterThan(10);
    }

    private static int checkRoutes(String where, String yaml) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            try {
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("doc.yaml", yaml));
            } catch (Exception e) {
                throw new AssertionError(where + " does not load: " + e.getMessage() + "\n" + yaml, e);
            }
            List<RouteDefinition> definitions = context.getRouteDefinitions();
            for (RouteDefinition route : definitions) {
                List<String> uris = new ArrayList<>();
                uris.add(route.getInput().getEndpointUri());
                ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), SendDefinition.class)
                        .forEach(send -> uris.add(send.getEndpointUri()));
                for (String uri : uris) {
                    if (uri.startsWith("openclaw:") && !uri.contains("{{")) {
                        try {
                            context.getEndpoint(uri);
                        } catch (Exception e) {
                            throw new AssertionError(where + ": " + e.getMessage() + "\n" + yaml, e);
                        }
                    }
                }
            }
            return definitions.size();
        }
    }

    /** Compares the generated region of a document, or rewrites it with {@code -Dopenclaw.regenerate=true}. */
    private static void check(Path file, String start, String end, String expected) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as("%s has the marker %s", file, start).isNotNegative();
        assertThat(to)
                .as("%s has the marker %s after the start marker", file, end)
                .isGreaterThan(from);
        String actual = text.substring(from + start.length(), to);
        if (!actual.equals(expected) && Boolean.getBoolean("openclaw.regenerate")) {
            Files.writeString(
                    file,
                    text.substring(0, from + start.length()) + expected + text.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual)
                .as(
                        "the generated tables of %s are out of date with openclaw.json; regenerate them with"
                                + " mvn test -pl camel-openclaw,camel-openclaw-starter -am -Dtest=OpenClawDocsTest,StarterSourcesTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenclaw.regenerate=true",
                        file)
                .isEqualTo(expected);
    }

    // ------------------------------------------------------------------ AsciiDoc (Camel's component doc layout)

    static String adocTables(JsonNode json) {
        StringBuilder s = new StringBuilder("\n");
        List<Map.Entry<String, JsonNode>> component = entries(json.path("componentProperties"));
        s.append("=== Component options\n\n");
        List<String> endpointOnly = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : entries(json.path("properties"))) {
            if (!"path".equals(option.getValue().path("kind").asText())
                    && !json.path("componentProperties").has(option.getKey())) {
                endpointOnly.add("`" + option.getKey() + "`");
            }
        }
        s.append("The OpenClaw component supports ")
                .append(component.size())
                .append(" options, which are listed below.")
                .append(" Every endpoint query parameter except ")
                .append(String.join(" and ", endpointOnly))
                .append(" is also a component option: the component holds the defaults, and each endpoint gets its")
                .append(" own copy.\n\n");
        adocOptionTable(s, component);
        List<Map.Entry<String, JsonNode>> path = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> query = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : entries(json.path("properties"))) {
            ("path".equals(option.getValue().path("kind").asText()) ? path : query).add(option);
        }
        s.append("=== Endpoint options\n\n");
        s.append("The OpenClaw endpoint is configured using URI syntax:\n\n----\n")
                .append(json.path("component").path("syntax").asText())
                .append("\n----\n\n");
        s.append("With the following path and query parameters:\n\n==== Path parameters (")
                .append(path.size())
                .append(")\n\n");
        adocOptionTable(s, path);
        s.append("==== Query parameters (").append(query.size()).append(")\n\n");
        adocOptionTable(s, query);
        List<Map.Entry<String, JsonNode>> headers = entries(json.path("headers"));
        s.append("=== Message headers\n\n");
        s.append("The OpenClaw component supports ")
                .append(headers.size())
                .append(" message headers, which are listed below.\n\n");
        s.append(
                "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> header : headers) {
            JsonNode h = header.getValue();
            s.append("| `")
                    .append(header.getKey())
                    .append("` (")
                    .append(h.path("label").asText())
                    .append(") | ")
                    .append(adocEscape(description(h)))
                    .append(" | ")
                    .append(defaultValue(h))
                    .append(" | ")
                    .append(type(h))
                    .append('\n');
        }
        s.append("|===\n");
        return s.toString();
    }

    private static void adocOptionTable(StringBuilder s, List<Map.Entry<String, JsonNode>> options) {
        s.append(
                "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> option : options) {
            JsonNode o = option.getValue();
            s.append("| *")
                    .append(option.getKey())
                    .append("* (")
                    .append(group(o))
                    .append(')');
            if (o.path("required").asBoolean()) {
                s.append(" *Required*");
            }
            if (o.has("prefix")) {
                s.append(" (`").append(o.path("prefix").asText()).append("<name>`)");
            }
            s.append(" | ")
                    .append(adocEscape(description(o)))
                    .append(" | ")
                    .append(defaultValue(o))
                    .append(" | ")
                    .append(type(o))
                    .append('\n');
        }
        s.append("|===\n\n");
    }

    private static String adocEscape(String text) {
        return text.replace("|", "\\|");
    }

    // ------------------------------------------------------------------ Markdown (docs/configuration.md)

    static String markdownTables(JsonNode json) {
        StringBuilder s = new StringBuilder("\n\n");
        s.append("### Component options\n\n");
        s.append("Set them in `application.properties` (Camel Main, Camel JBang, and Spring Boot with")
                .append(" `camel-openclaw-starter`) under the property shown; they are the defaults of every")
                .append(" endpoint.\n\n");
        s.append("| Option | Property | Group | Default | Type | Description |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> option : entries(json.path("componentProperties"))) {
            JsonNode o = option.getValue();
            s.append(markdownRow(
                    "`" + option.getKey() + "`",
                    "`" + PREFIX + kebab(option.getKey()) + "`",
                    group(o),
                    defaultValue(o),
                    type(o),
                    mdEscape(description(o))));
        }
        s.append("\n### Endpoint options\n\n");
        s.append("URI syntax `")
                .append(json.path("component").path("syntax").asText())
                .append("`; the query parameters override the component's defaults for one endpoint.\n\n");
        s.append("| Option | Kind | Group | Default | Type | Description |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> option : entries(json.path("properties"))) {
            JsonNode o = option.getValue();
            String kind = "path".equals(o.path("kind").asText())
                    ? "path (required)"
                    : o.has("prefix") ? "query (`" + o.path("prefix").asText() + "<name>`)" : "query";
            s.append(markdownRow(
                    "`" + option.getKey() + "`", kind, group(o), defaultValue(o), type(o), mdEscape(description(o))));
        }
        s.append("\n### Message headers\n\n");
        s.append("| Header | Group | Default | Type | Description |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> header : entries(json.path("headers"))) {
            JsonNode h = header.getValue();
            s.append(markdownRow(
                    "`" + header.getKey() + "`",
                    h.path("label").asText(),
                    defaultValue(h),
                    type(h),
                    mdEscape(description(h))));
        }
        s.append('\n');
        return s.toString();
    }

    private static String markdownRow(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String mdEscape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ------------------------------------------------------------------ shared

    /** The option's description, with its allowed values when it has a fixed set. */
    private static String description(JsonNode o) {
        String description = o.path("description").asText();
        if (o.has("enum")) {
            List<String> values = new ArrayList<>();
            o.path("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            description += " Values: " + String.join(", ", values) + ".";
        }
        return description;
    }

    /** The default value as code, or nothing. */
    private static String defaultValue(JsonNode o) {
        return o.has("defaultValue") ? "`" + o.path("defaultValue").asText() + "`" : "";
    }

    private static String group(JsonNode o) {
        String group = o.path("group").asText();
        return group.isEmpty() ? o.path("label").asText() : group;
    }

    /** The Java type as users write it: the simple name, {@code Duration} for durations, no generics. */
    private static String type(JsonNode o) {
        if ("duration".equals(o.path("type").asText())) {
            return "Duration";
        }
        String javaType = o.path("javaType").asText();
        int generic = javaType.indexOf('<');
        if (generic >= 0) {
            javaType = javaType.substring(0, generic);
        }
        return javaType.substring(javaType.lastIndexOf('.') + 1);
    }

    static String kebab(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
