package io.camelopenclaw.testgateway;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.testgateway.ConnectAuthenticator.Grant;

/**
 * What the gateway tells about itself: the {@code hello-ok} payload (full 2026.9.6 shape for protocol 4, the
 * 2026.3.13 shape for protocol 3), the cached health snapshot, and the {@code stateVersion} of health events.
 */
final class ServerInfo {

    private static final List<String> V4_EVENTS = List.of(
            "connect.challenge",
            "agent",
            "chat",
            "chat.metadata.changed",
            "tick",
            "shutdown",
            "health",
            "task",
            "update.available");
    private static final List<String> V3_EVENTS =
            List.of("connect.challenge", "agent", "chat", "tick", "shutdown", "health");
    private static final List<String> SESSION_VISIBILITIES = List.of("shared", "read-only", "suggest", "draft");
    private static final String STATE_DIR = "/home/user/.openclaw";

    private final GatewayConfig config;
    private final ProtocolTemplates templates;
    private final Supplier<List<String>> methods;
    private final int port;
    private final long startedAt = System.currentTimeMillis();
    private final String bootId = UUID.randomUUID().toString();
    private final String canvasCapability = randomToken(18);
    private final String configHash = randomToken(32);
    private final String recoveryScope = randomToken(32);
    private final byte[] healthEvent;
    private final String healthResult;
    private final AtomicInteger healthVersion = new AtomicInteger(1);

    ServerInfo(GatewayConfig config, ProtocolTemplates templates, Supplier<List<String>> methods, int port) {
        this.config = config;
        this.templates = templates;
        this.methods = methods;
        this.port = port;
        ObjectNode health = templates.object("health").put("ts", startedAt);
        this.healthEvent = Json.utf8(Json.write(health));
        this.healthResult = Json.write(config.v4() ? withModelRuntime(health) : health);
    }

    /** The health snapshot taken at start, as {@code health} events carry it. */
    byte[] healthEvent() {
        return healthEvent;
    }

    /** The same snapshot as the {@code health} method returns it (the real one is cached too). */
    String healthResult() {
        return healthResult;
    }

    /** The v4 {@code health} result: the event's snapshot with {@code modelRuntime} before {@code eventLoop}. */
    private static ObjectNode withModelRuntime(ObjectNode health) {
        ObjectNode result = Json.object();
        health.properties().forEach(field -> {
            if ("eventLoop".equals(field.getKey())) {
                result.putObject("modelRuntime").put("degraded", false).putArray("pendingAgents");
            }
            result.set(field.getKey(), field.getValue());
        });
        return result;
    }

    /** The frame-level {@code stateVersion} of the next health event. */
    byte[] nextStateVersion() {
        return Json.utf8("{\"presence\":1,\"health\":" + healthVersion.incrementAndGet() + "}");
    }

    String hello(ClientConnection connection, Grant grant) {
        boolean v4 = config.v4();
        ObjectNode hello = Json.object().put("type", "hello-ok").put("protocol", config.protocol());
        ObjectNode server = hello.putObject("server").put("version", config.serverVersion());
        if (v4) {
            server.put("buildId", config.serverVersion() + "-test-gateway")
                    .put("bootId", bootId)
                    .put("controlUiBuildSource", "bundled");
        }
        server.put("connId", connection.connId());
        ObjectNode features = hello.putObject("features");
        features.set("methods", Json.array(methods.get()));
        features.set("events", Json.array(v4 ? V4_EVENTS : V3_EVENTS));
        if (v4) {
            features.set("capabilities", Json.array(templates.strings("capabilities")));
        }
        hello.set("snapshot", snapshot());
        if (v4) {
            hello.putArray("controlUiWidgetKinds");
            hello.putArray("controlUiLinkReaders");
            hello.putObject("pluginSurfaceUrls").put("canvas", baseUrl() + "/__openclaw__/cap/" + canvasCapability);
        } else {
            hello.put("canvasHostUrl", baseUrl());
        }
        ObjectNode auth = auth(grant);
        if (auth != null) {
            hello.set("auth", auth);
        }
        ObjectNode policy = hello.putObject("policy")
                .put("maxPayload", config.maxPayload())
                .put("maxBufferedBytes", GatewayConfig.MAX_BUFFERED_BYTES)
                .put("tickIntervalMs", config.tickInterval().toMillis());
        if (v4) {
            policy.putObject("attachments")
                    .put("maxBytes", config.attachmentMaxBytes())
                    .put("maxImageBytes", config.attachmentMaxImageBytes());
            policy.set("allowedSessionVisibilities", Json.array(SESSION_VISIBILITIES));
            policy.put("hasMultipleSessionSharingIdentities", false);
        }
        return Json.write(hello);
    }

    private ObjectNode snapshot() {
        boolean v4 = config.v4();
        ObjectNode snapshot = Json.object();
        if (v4) {
            snapshot.putObject("suspension").put("phase", "accepting");
        }
        ObjectNode self = templates
                .object("presenceSelf")
                .put("version", config.serverVersion())
                .put(
                        "text",
                        "Gateway: vm (192.0.2.2) · app " + config.serverVersion() + " · mode gateway · reason self")
                .put("ts", startedAt);
        ArrayNode presence = snapshot.putArray("presence");
        presence.add(self);
        snapshot.set("health", templates.object("health").put("ts", startedAt));
        snapshot.putObject("stateVersion").put("presence", 1).put("health", healthVersion.get());
        snapshot.put("uptimeMs", System.currentTimeMillis() - startedAt);
        ObjectNode defaults = Json.object().put("defaultAgentId", SessionKeys.DEFAULT_AGENT);
        if (v4) {
            defaults.put("modelConfigured", true).put("ownership", "sole").put("selectionRequired", false);
        }
        defaults.put("mainKey", "main")
                .put("mainSessionKey", SessionKeys.MAIN_SESSION)
                .put("scope", "per-sender");
        if (v4) {
            snapshot.put("appliedConfigHash", "hmac-sha256:v1:" + configHash).set("sessionDefaults", defaults);
        }
        snapshot.put("configPath", STATE_DIR + "/openclaw.json").put("stateDir", STATE_DIR);
        if (!v4) {
            snapshot.set("sessionDefaults", defaults);
        }
        return snapshot.put("authMode", config.authMode());
    }

    /** v4: always; 2026.3.13: only when a device token is issued. */
    private ObjectNode auth(Grant grant) {
        if (!config.v4()) {
            if (grant.pairing() == null) {
                return null;
            }
            ObjectNode auth =
                    Json.object().put("deviceToken", grant.pairing().token()).put("role", grant.role());
            auth.set("scopes", Json.array(grant.pairing().scopes()));
            return auth.put("issuedAtMs", grant.pairing().issuedAtMs());
        }
        ObjectNode auth = Json.object().put("method", grant.method()).put("role", grant.role());
        auth.set("scopes", Json.array(grant.scopes()));
        auth.put("recoveryScope", recoveryScope);
        if (grant.pairing() != null) {
            auth.put("recoveryMigrationAllowed", true)
                    .put("deviceToken", grant.pairing().token())
                    .put("issuedAtMs", grant.pairing().issuedAtMs());
        }
        return auth;
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
