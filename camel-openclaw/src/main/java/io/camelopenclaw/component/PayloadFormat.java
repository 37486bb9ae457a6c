package io.camelopenclaw.component;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.json.JsonValues;

/** How a gateway payload becomes a message body: plain Java values ({@code map}) or JSON text ({@code json}). */
enum PayloadFormat {
    MAP,
    JSON;

    /** The format named by the {@code payloadFormat} option. */
    static PayloadFormat of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("payloadFormat must be map or json, got " + name, e);
        }
    }

    /** The body for a payload: a Map, List, String, Number or Boolean ({@code map}) or JSON text; {@code null} stays null. */
    Object toBody(JsonNode payload) {
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            return null;
        }
        return this == JSON ? payload.toString() : JsonValues.toJava(payload);
    }
}
