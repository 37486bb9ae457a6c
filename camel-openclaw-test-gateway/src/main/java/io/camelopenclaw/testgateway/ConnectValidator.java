package io.camelopenclaw.testgateway;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.testgateway.ObjectSchema.Type;

/**
 * Checks {@code connect} params against the closed {@code ConnectParams} schema of the emulated protocol, then the
 * protocol range and the role.
 */
final class ConnectValidator {

    static final int CLOSE_POLICY = 1008;
    static final int CLOSE_PROTOCOL = 1002;

    private static final Set<String> V3_CLIENT_IDS = Set.of(
            "webchat-ui",
            "openclaw-control-ui",
            "webchat",
            "cli",
            "gateway-client",
            "openclaw-macos",
            "openclaw-ios",
            "openclaw-android",
            "node-host",
            "test",
            "fingerprint",
            "openclaw-probe");
    private static final Set<String> V4_CLIENT_IDS = union(
            V3_CLIENT_IDS,
            Set.of(
                    "openclaw-browser-copilot",
                    "openclaw-tui",
                    "openclaw-linux",
                    "openclaw-watchos",
                    "openclaw-worker"));
    private static final Set<String> V3_MODES = Set.of("webchat", "cli", "ui", "backend", "node", "probe", "test");
    private static final Set<String> V4_MODES = union(V3_MODES, Set.of("worker"));

    private static final ObjectSchema V4 = schema(true);
    private static final ObjectSchema V3 = schema(false);

    private final int protocol;
    private final ObjectSchema schema;

    ConnectValidator(int protocol) {
        this.protocol = protocol;
        this.schema = protocol == 4 ? V4 : V3;
    }

    /** The parsed params, or a {@link GatewayError} that closes the socket. */
    ConnectParams validate(JsonNode params) {
        String problem = schema.validate(params);
        if (problem != null) {
            throw GatewayError.invalidRequest("invalid connect params: " + problem)
                    .closing(CLOSE_POLICY);
        }
        ConnectParams connect = ConnectParams.from(params);
        if (connect.minProtocol() > protocol || connect.maxProtocol() < protocol) {
            throw GatewayError.invalidRequest("protocol mismatch")
                    .details(mismatchDetails(connect))
                    .closing(CLOSE_PROTOCOL);
        }
        if (!"operator".equals(connect.role()) && !"node".equals(connect.role())) {
            throw GatewayError.invalidRequest("invalid role").closing(CLOSE_POLICY);
        }
        return connect;
    }

    private ObjectNode mismatchDetails(ConnectParams connect) {
        if (protocol == 3) {
            return Json.object().put("expectedProtocol", 3);
        }
        return Json.object()
                .put("code", "PROTOCOL_MISMATCH")
                .put("clientMinProtocol", connect.minProtocol())
                .put("clientMaxProtocol", connect.maxProtocol())
                .put("expectedProtocol", 4)
                .put("minimumProbeProtocol", 3);
    }

    /** The closed {@code ConnectParams} schema; protocol 3 (2026.3.x) lacks the v4-era ids, modes and fields. */
    private static ObjectSchema schema(boolean v4) {
        ObjectSchema.Builder client = ObjectSchema.builder()
                .requiredEnum("id", v4 ? V4_CLIENT_IDS : V3_CLIENT_IDS)
                .optional("displayName", Type.STRING)
                .required("version", Type.NON_EMPTY_STRING)
                .required("platform", Type.NON_EMPTY_STRING)
                .optional("deviceFamily", Type.STRING)
                .optional("modelIdentifier", Type.STRING)
                .requiredEnum("mode", v4 ? V4_MODES : V3_MODES)
                .optional("instanceId", Type.STRING)
                .optional("buildId", Type.STRING)
                .optional("timeZone", Type.STRING);
        ObjectSchema device = ObjectSchema.builder()
                .required("id", Type.NON_EMPTY_STRING)
                .required("publicKey", Type.NON_EMPTY_STRING)
                .required("signature", Type.NON_EMPTY_STRING)
                .required("signedAt", Type.NON_NEGATIVE_INTEGER)
                .optional("nonce", Type.STRING)
                .build();
        ObjectSchema.Builder auth = ObjectSchema.builder()
                .optional("token", Type.STRING)
                .optional("bootstrapToken", Type.STRING)
                .optional("deviceToken", Type.STRING)
                .optional("password", Type.STRING)
                .optional("approvalRuntimeToken", Type.STRING)
                .optional("agentRuntimeIdentityToken", Type.STRING);
        if (!v4) {
            client.without("buildId", "timeZone");
            auth.without("approvalRuntimeToken", "agentRuntimeIdentityToken");
        }
        ObjectSchema.Builder root = ObjectSchema.builder()
                .required("minProtocol", Type.INTEGER)
                .required("maxProtocol", Type.INTEGER)
                .required("client", client.build())
                .optional("caps", Type.STRING_ARRAY)
                .optionalAny("commands", "permissions", "pathEnv", "computerUse", "workerRuns", "modelCatalog")
                .optional("role", Type.STRING)
                .optional("scopes", Type.STRING_ARRAY)
                .optional("device", device)
                .optional("auth", auth.build())
                .optional("locale", Type.STRING)
                .optional("userAgent", Type.STRING);
        if (!v4) {
            root.without("computerUse", "workerRuns", "modelCatalog");
        }
        return root.build();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
