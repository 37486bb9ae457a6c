package io.camelopenclaw.client.connection;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayError;
import io.camelopenclaw.client.error.GatewayRequestException;
import io.camelopenclaw.client.error.MissingScopeException;
import io.camelopenclaw.client.error.PairingRequiredException;
import io.camelopenclaw.client.json.JsonValues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientInternalsTest {

    private static JsonNode json(String s) throws Exception {
        return JsonValues.parse(s);
    }

    @Test
    void backoffDoublesUpToTheCapWithBoundedJitter() {
        Backoff plain = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0);
        assertThat(plain.delayMs(0)).isEqualTo(1000);
        assertThat(plain.delayMs(1)).isEqualTo(2000);
        assertThat(plain.delayMs(4)).isEqualTo(16000);
        assertThat(plain.delayMs(5)).isEqualTo(30000);
        assertThat(plain.delayMs(500)).isEqualTo(30000);
        Backoff jittered = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.5);
        for (int i = 0; i < 200; i++) {
            assertThat(jittered.delayMs(3)).isBetween(4000L, 8000L);
        }
    }

    @Test
    void connectRefusalsAreClassifiedByDetailsCode() throws Exception {
        GatewayError wrongToken = GatewayErrors.parse(json("{\"code\":\"INVALID_REQUEST\",\"message\":\"unauthorized: "
                + "gateway token mismatch (provide gateway auth token)\",\"details\":{\"code\":\"AUTH_TOKEN_MISMATCH\","
                + "\"authReason\":\"token_mismatch\",\"canRetryWithDeviceToken\":false,"
                + "\"recommendedNextStep\":\"update_auth_credentials\"}}"));
        GatewayConnectException e = GatewayErrors.forConnect(wrongToken);
        assertThat(e.needsOperatorAction()).isTrue();
        assertThat(e.getMessage()).contains("AUTH_TOKEN_MISMATCH");
        assertThat(e.details()).containsEntry("recommendedNextStep", "update_auth_credentials");

        GatewayError starting = GatewayErrors.parse(
                json(
                        "{\"code\":\"UNAVAILABLE\",\"message\":\"gateway starting; "
                                + "retry shortly\",\"retryable\":true,\"retryAfterMs\":500,\"details\":{\"reason\":\"startup-sidecars\"}}"));
        assertThat(GatewayErrors.forConnect(starting).needsOperatorAction()).isFalse();
        assertThat(starting.retryAfterMs()).isEqualTo(500L);

        GatewayError v3Mismatch = GatewayErrors.parse(json("{\"code\":\"INVALID_REQUEST\",\"message\":\"protocol "
                + "mismatch\",\"details\":{\"expectedProtocol\":3}}"));
        assertThat(GatewayErrors.forConnect(v3Mismatch).needsOperatorAction()).isTrue();
        assertThat(GatewayErrors.forConnect(v3Mismatch).getMessage()).contains("protocol 3");

        GatewayError pairing = GatewayErrors.parse(json("{\"code\":\"NOT_PAIRED\",\"message\":\"pairing required\","
                + "\"details\":{\"code\":\"PAIRING_REQUIRED\",\"reason\":\"not-paired\",\"requestId\":\"req-7\"}}"));
        GatewayConnectException p = GatewayErrors.forConnect(pairing);
        assertThat(p).isInstanceOf(PairingRequiredException.class);
        assertThat(((PairingRequiredException) p).requestId()).isEqualTo("req-7");
        assertThat(p.getMessage()).contains("req-7").contains("PAIRING_REQUIRED");
    }

    @Test
    void methodErrorsBecomeTypedExceptionsInBothProtocolShapes() throws Exception {
        GatewayError v4 =
                GatewayErrors.parse(json("{\"code\":\"FORBIDDEN\",\"message\":\"missing scope: operator.write\","
                        + "\"details\":{\"code\":\"MISSING_SCOPE\",\"missingScope\":\"operator.write\"}}"));
        assertThat(GatewayErrors.forMethod("chat.send", v4))
                .isInstanceOf(MissingScopeException.class)
                .hasMessageContaining("MISSING_SCOPE");
        GatewayError v3 = GatewayErrors.parse(
                json("{\"code\":\"INVALID_REQUEST\",\"message\":\"missing scope: operator.read\"}"));
        MissingScopeException legacy = (MissingScopeException) GatewayErrors.forMethod("sessions.list", v3);
        assertThat(legacy.missingScopes()).containsExactly("operator.read");
        GatewayError unknown =
                GatewayErrors.parse(json("{\"code\":\"INVALID_REQUEST\",\"message\":\"unknown method: x\"}"));
        assertThat(GatewayErrors.forMethod("x", unknown))
                .isInstanceOf(GatewayRequestException.class)
                .hasMessageContaining("unknown method: x");
        assertThat(GatewayErrors.parse(null).code()).isEqualTo("UNKNOWN");
    }

    @Test
    void scopesFollowTheGatewayImplicationRules() {
        assertThat(Scopes.missing(List.of("operator.read", "operator.write"), List.of("operator.write")))
                .isEmpty();
        assertThat(Scopes.missing(List.of("operator.read", "operator.write"), List.of("operator.admin")))
                .isEmpty();
        assertThat(Scopes.missing(List.of("operator.read", "operator.write"), List.of("operator.read")))
                .containsExactly("operator.write");
        assertThat(Scopes.missing(List.of("operator.read"), List.of())).containsExactly("operator.read");
        assertThat(Scopes.missing(List.of("operator.pairing"), List.of("operator.write")))
                .containsExactly("operator.pairing");
    }

    @Test
    void redactionMasksEverySecretButKeepsTheRest() throws Exception {
        JsonNode connect = json("{\"type\":\"req\",\"id\":\"1\",\"method\":\"connect\",\"params\":{\"auth\":{\"token\":"
                + "\"tok-secret\",\"deviceToken\":\"dev-secret\",\"password\":\"pw-secret\"},\"device\":{\"id\":\"abc\","
                + "\"signature\":\"sig-secret\"}}}");
        String s = FrameRedactor.redact(connect);
        assertThat(s)
                .doesNotContain("tok-secret", "dev-secret", "pw-secret", "sig-secret")
                .contains("\"abc\"")
                .contains("connect");
        assertThat(connect.toString()).contains("tok-secret");
        JsonNode hello = json("{\"type\":\"res\",\"id\":\"1\",\"ok\":true,\"payload\":{\"type\":\"hello-ok\",\"auth\":"
                + "{\"deviceToken\":\"issued-secret\",\"scopes\":[\"operator.read\"]}}}");
        assertThat(FrameRedactor.redact(hello)).doesNotContain("issued-secret").contains("operator.read");
    }
}
