package io.camelopenclaw.springboot;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders the starter's sources from the component's generated metadata ({@code openclaw.json}), the way Camel's
 * starters are generated from theirs: {@code OpenClawComponentConfiguration} (one property per component option) and
 * the IDE defaults and value hints in {@code additional-spring-configuration-metadata.json}. Unlike Camel's generated
 * starters every property is unset ({@code null}) unless configured, so only what a user sets reaches the component,
 * and duration options are {@code Duration}s.
 */
final class StarterSources {

    static final String PREFIX = "camel.component.openclaw.";
    private static final int WIDTH = 120;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Map.Entry<String, JsonNode>> options;

    private StarterSources(JsonNode componentProperties) {
        this.options = new ArrayList<>(componentProperties.properties());
    }

    static StarterSources fromClasspath() throws Exception {
        try (InputStream in = StarterSources.class
                .getClassLoader()
                .getResourceAsStream("META-INF/io/camelopenclaw/component/openclaw.json")) {
            return new StarterSources(MAPPER.readTree(in).path("componentProperties"));
        }
    }

    static String kebab(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /** The source of {@code OpenClawComponentConfiguration}. */
    String configurationClass() {
        TreeSet<String> imports = new TreeSet<>(List.of(
                "java.util.StringJoiner",
                "org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon",
                "org.springframework.boot.context.properties.ConfigurationProperties"));
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        StringBuilder toString = new StringBuilder();
        field(
                fields,
                "Whether to enable auto configuration of the openclaw component. This is enabled by default.",
                "Boolean",
                "enabled");
        for (Map.Entry<String, JsonNode> option : options) {
            String name = option.getKey();
            JsonNode meta = option.getValue();
            String type = javaType(meta, imports);
            field(fields, description(meta), type, name);
            accessors(accessors, type, name);
            toString.append("        add(s, \"")
                    .append(name)
                    .append("\", ")
                    .append(shown(meta, name))
                    .append(");\n");
        }
        StringBuilder out = new StringBuilder("package io.camelopenclaw.springboot;\n\n");
        imports.stream()
                .filter(i -> i.startsWith("java."))
                .forEach(i -> out.append("import ").append(i).append(";\n"));
        out.append('\n');
        imports.stream()
                .filter(i -> !i.startsWith("java."))
                .forEach(i -> out.append("import ").append(i).append(";\n"));
        out.append(
                        "\n/**\n * The {@code camel.component.openclaw.*} properties, one per option of the {@code openclaw} component.\n")
                .append(
                        " * Generated from the component's {@code openclaw.json} by {@code StarterSourcesTest}: do not edit.\n")
                .append(
                        " * Every property is unset ({@code null}) unless configured, so only the properties a user sets reach the\n")
                .append(
                        " * component (the documented defaults are the component's own); durations bind as 30s, 2m, PT2M or\n")
                .append(" * milliseconds.\n */\n")
                .append("@ConfigurationProperties(prefix = \"camel.component.openclaw\")\n")
                .append(
                        "public class OpenClawComponentConfiguration extends ComponentConfigurationPropertiesCommon {\n\n")
                .append("    /** How {@link #toString()} shows a secret (the mask Camel uses in sanitized URIs). */\n")
                .append("    private static final String MASK = \"xxxxxx\";\n\n")
                .append(fields);
        accessors(out, "Boolean", "enabled");
        out.append(accessors)
                .append(
                        "    /** The options that are set; secrets are masked, objects only named, maps show their keys. */\n")
                .append("    @Override\n    public String toString() {\n")
                .append(
                        "        StringJoiner s = new StringJoiner(\", \", \"OpenClawComponentConfiguration[\", \"]\");\n")
                .append(toString)
                .append("        return s.toString();\n    }\n\n")
                .append("    private static void add(StringJoiner joiner, String name, Object value) {\n")
                .append(
                        "        if (value != null) {\n            joiner.add(name + \"=\" + value);\n        }\n    }\n}\n");
        return out.toString();
    }

    /** The source of {@code additional-spring-configuration-metadata.json}: defaults and the values of enums. */
    String additionalMetadata() throws Exception {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode properties = root.putArray("properties");
        ArrayNode hints = root.putArray("hints");
        for (Map.Entry<String, JsonNode> option : options) {
            JsonNode meta = option.getValue();
            String name = PREFIX + kebab(option.getKey());
            JsonNode defaultValue = meta.get("defaultValue");
            if (defaultValue != null) {
                ObjectNode property = properties.addObject().put("name", name);
                if ("duration".equals(meta.path("type").asText())) {
                    property.put("defaultValue", duration(defaultValue.asLong()));
                } else {
                    property.set("defaultValue", defaultValue);
                }
            }
            if (meta.has("enum")) {
                ArrayNode values = hints.addObject().put("name", name).putArray("values");
                meta.path("enum").forEach(v -> values.addObject().put("value", v.asText()));
            }
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static String duration(long millis) {
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis != 0 && millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static String javaType(JsonNode meta, TreeSet<String> imports) {
        String type = meta.path("type").asText();
        if ("duration".equals(type)) {
            imports.add("java.time.Duration");
            return "Duration";
        }
        String javaType = meta.path("javaType").asText();
        return switch (javaType) {
            case "boolean" -> "Boolean";
            case "int" -> "Integer";
            case "long" -> "Long";
            default -> {
                for (String part : javaType.split("[<>,]\\s*")) {
                    if (part.contains(".") && !part.startsWith("java.lang.")) {
                        imports.add(part);
                    }
                }
                yield javaType.replaceAll("\\b[a-z][\\w.]*\\.([A-Z])", "$1");
            }
        };
    }

    private static String description(JsonNode meta) {
        String text = meta.path("description").asText().trim();
        if (meta.has("enum")) {
            List<String> values = new ArrayList<>();
            meta.path("enum").forEach(v -> values.add(v.asText()));
            text += " Possible values: " + String.join(", ", values) + ".";
        }
        if ("duration".equals(meta.path("type").asText())) {
            text += " A plain number is milliseconds; 30s, 2m or PT2M work too.";
        }
        if ("object".equals(meta.path("type").asText())
                && !meta.path("javaType").asText().startsWith("java.util.")) {
            String javaType = meta.path("javaType").asText();
            text += " The option is a " + javaType.substring(javaType.lastIndexOf('.') + 1) + " type.";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String shown(JsonNode meta, String name) {
        if (meta.path("secret").asBoolean()) {
            return name + " == null ? null : MASK";
        }
        String javaType = meta.path("javaType").asText();
        if (javaType.startsWith("java.util.Map")) {
            return name + " == null ? null : " + name + ".keySet()";
        }
        boolean plain = !"object".equals(meta.path("type").asText()) || javaType.startsWith("java.");
        return plain ? name : name + " == null ? null : \"set\"";
    }

    private static void field(StringBuilder out, String description, String type, String name) {
        out.append("    /**\n");
        wrap(description, "     * ").forEach(line -> out.append(line).append('\n'));
        out.append("     */\n    private ")
                .append(type)
                .append(' ')
                .append(name)
                .append(";\n\n");
    }

    private static void accessors(StringBuilder out, String type, String name) {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        out.append("    public ")
                .append(type)
                .append(" get")
                .append(suffix)
                .append("() {\n")
                .append("        return ")
                .append(name)
                .append(";\n    }\n\n")
                .append("    public void set")
                .append(suffix)
                .append('(')
                .append(type)
                .append(' ')
                .append(name)
                .append(") {\n        this.")
                .append(name)
                .append(" = ")
                .append(name)
                .append(";\n    }\n\n");
    }

    private static List<String> wrap(String text, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
