package io.camelopenclaw.component;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.json.JsonValues;

/** How a gateway payload becomes a message body: plain Java values ({@code map}) or JSON text ({@code json}). */
public enum PayloadFormat {
    /** A Map, List, String, Number or Boolean. */
    MAP,
    /** JSON text. */
    JSON;

    /** The body for a payload: a Map, List, String, Number or Boolean ({@code map}) or JSON text; {@code null} stays null. */
    Object toBody(JsonNode payload) {
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            return null;
        }
        return this == JSON ? payload.toString() : JsonValues.toJava(payload);
    }
}
