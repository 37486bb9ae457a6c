package io.camelopenclaw.client.connection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.api.GatewayPolicy;
import io.camelopenclaw.client.json.JsonValues;

/** Reads a {@code hello-ok} payload (protocol 3 or 4) into a {@link GatewayInfo}. */
final class HelloOk {

    private HelloOk() {}

    public static GatewayInfo parse(JsonNode payload) {
        JsonNode server = payload.path("server");
        JsonNode features = payload.path("features");
        JsonNode auth = payload.get("auth");
        JsonNode policy = payload.path("policy");
        JsonNode attachments = policy.path("attachments");
        JsonNode defaults = payload.path("snapshot").path("sessionDefaults");
        GatewayPolicy p = new GatewayPolicy(
                orDefault(JsonValues.number(policy, "maxPayload"), GatewayPolicy.DEFAULT.maxPayload()),
                orDefault(JsonValues.number(policy, "maxBufferedBytes"), GatewayPolicy.DEFAULT.maxBufferedBytes()),
                orDefault(JsonValues.number(policy, "tickIntervalMs"), GatewayPolicy.DEFAULT.tickIntervalMs()),
                JsonValues.number(attachments, "maxBytes"),
                JsonValues.number(attachments, "maxImageBytes"));
        List<String> scopes = auth == null ? null : JsonValues.texts(auth, "scopes");
        return new GatewayInfo(
                payload.path("protocol").asInt(),
                JsonValues.text(server, "version"),
                JsonValues.text(server, "connId"),
                JsonValues.text(server, "bootId"),
                set(features, "methods"),
                set(features, "events"),
                set(features, "capabilities"),
                scopes,
                auth == null ? null : JsonValues.text(auth, "method"),
                orDefault(JsonValues.text(defaults, "defaultAgentId"), "main"),
                orDefault(JsonValues.text(defaults, "mainSessionKey"), "agent:main:main"),
                p,
                auth != null && auth.hasNonNull("deviceToken"));
    }

    private static Set<String> set(JsonNode node, String field) {
        List<String> values = JsonValues.texts(node, field);
        return values == null ? Set.of() : new HashSet<>(values);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
