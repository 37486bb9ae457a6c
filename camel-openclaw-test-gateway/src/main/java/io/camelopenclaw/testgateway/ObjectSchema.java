package io.camelopenclaw.testgateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A closed-object schema ({@code additionalProperties:false}) checked the way the gateway's ajv validator reports
 * it: first failing rule only, in ajv's keyword order (required, additional properties, then each property), with
 * ajv's message texts such as {@code at /client: unexpected property 'timeZone'}.
 */
final class ObjectSchema {

    /** The value rules a property can carry. */
    enum Type {
        STRING,
        NON_EMPTY_STRING,
        INTEGER,
        NON_NEGATIVE_INTEGER,
        BOOLEAN,
        ARRAY,
        STRING_ARRAY,
        OBJECT,
        ANY
    }

    private final Map<String, Object> properties;
    private final List<String> required;

    private ObjectSchema(Map<String, Object> properties, List<String> required) {
        this.properties = properties;
        this.required = required;
    }

    static Builder builder() {
        return new Builder(new LinkedHashMap<>(), new ArrayList<>());
    }

    /** A builder seeded with this schema, to derive a version-specific variant. */
    Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(properties), new ArrayList<>(required));
    }

    /** Null when the value conforms, else the ajv-style error text ({@code at <path>: <message>}). */
    String validate(JsonNode value) {
        return validate(value, "");
    }

    private String validate(JsonNode value, String path) {
        String at = "at " + (path.isEmpty() ? "root" : path) + ": ";
        if (value == null || !value.isObject()) {
            return at + "must be object";
        }
        for (String name : required) {
            if (!value.has(name)) {
                return at + "must have required property '" + name + "'";
            }
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!properties.containsKey(name)) {
                return at + "unexpected property '" + name + "'";
            }
        }
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            JsonNode child = value.get(property.getKey());
            if (child != null) {
                String error = check(property.getValue(), child, path + "/" + property.getKey());
                if (error != null) {
                    return error;
                }
            }
        }
        return null;
    }

    private static String check(Object rule, JsonNode value, String path) {
        if (rule instanceof ObjectSchema nested) {
            return nested.validate(value, path);
        }
        if (rule instanceof Set<?> allowed) {
            return value.isTextual() && allowed.contains(value.asText())
                    ? null
                    : "at " + path + ": must be equal to one of the allowed values";
        }
        String problem = switch ((Type) rule) {
            case STRING -> value.isTextual() ? null : "must be string";
            case NON_EMPTY_STRING ->
                !value.isTextual()
                        ? "must be string"
                        : value.asText().isEmpty() ? "must NOT have fewer than 1 characters" : null;
            case INTEGER -> value.isIntegralNumber() ? null : "must be integer";
            case NON_NEGATIVE_INTEGER ->
                !value.isIntegralNumber() ? "must be integer" : value.asLong() < 0 ? "must be >= 0" : null;
            case BOOLEAN -> value.isBoolean() ? null : "must be boolean";
            case ARRAY -> value.isArray() ? null : "must be array";
            case STRING_ARRAY -> stringArrayProblem(value);
            case OBJECT -> value.isObject() ? null : "must be object";
            case ANY -> null;
        };
        return problem == null ? null : "at " + path + ": " + problem;
    }

    private static String stringArrayProblem(JsonNode value) {
        if (!value.isArray()) {
            return "must be array";
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                return "must be string";
            }
        }
        return null;
    }

    /** Declares properties in order; later declarations of the same name replace earlier ones. */
    static final class Builder {
        private final Map<String, Object> properties;
        private final List<String> required;

        private Builder(Map<String, Object> properties, List<String> required) {
            this.properties = properties;
            this.required = required;
        }

        Builder required(String name, Type type) {
            return add(name, type, true);
        }

        Builder required(String name, ObjectSchema schema) {
            return add(name, schema, true);
        }

        Builder requiredEnum(String name, Set<String> allowed) {
            return add(name, allowed, true);
        }

        Builder optional(String name, Type type) {
            return add(name, type, false);
        }

        Builder optional(String name, ObjectSchema schema) {
            return add(name, schema, false);
        }

        /** Optional properties whose values are not checked beyond being present. */
        Builder optionalAny(String... names) {
            Arrays.stream(names).forEach(name -> add(name, Type.ANY, false));
            return this;
        }

        Builder without(String... names) {
            for (String name : names) {
                properties.remove(name);
                required.remove(name);
            }
            return this;
        }

        ObjectSchema build() {
            return new ObjectSchema(new LinkedHashMap<>(properties), List.copyOf(required));
        }

        private Builder add(String name, Object rule, boolean isRequired) {
            properties.put(name, rule);
            required.remove(name);
            if (isRequired) {
                required.add(name);
            }
            return this;
        }
    }
}
