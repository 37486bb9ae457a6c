package io.camelopenclaw.testgateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static io.camelopenclaw.testgateway.Transcripts.shape;
import static org.assertj.core.api.Assertions.assertThat;

/** The protocol-4 handshake against the recorded 2026.9.6 transcripts. */
class HandshakeTest extends GatewayTestSupport {

    private final List<JsonNode> recorded = Transcripts.received("v4/handshake.jsonl");

    @Test
    void challengeHelloOkAndFirstEventsHaveTheRecordedShapes() {
        TestGateway gw = gateway();
        GatewayClient client = open(gw);
        client.challenge();
        JsonNode hello = client.call("connect", Connects.backend());
        JsonNode update = client.awaitEvent("update.available");
        JsonNode health = client.awaitEvent("health");

        assertThat(shape(client.received().get(0))).isEqualTo(shape(recorded.get(0)));
        JsonNode payload = hello.get("payload");
        JsonNode real = recorded.get(1).get("payload");
        assertThat(fieldNames(payload)).isEqualTo(fieldNames(real));
        for (String part : List.of("server", "policy", "auth")) {
            assertThat(shape(payload.get(part))).as(part).isEqualTo(shape(real.get(part)));
        }
        assertThat(fieldNames(payload.get("snapshot"))).isEqualTo(fieldNames(real.get("snapshot")));
        assertThat(payload.get("snapshot").get("sessionDefaults"))
                .isEqualTo(real.get("snapshot").get("sessionDefaults"));
        assertThat(payload.get("protocol").asInt()).isEqualTo(4);
        assertThat(payload.get("server").get("version").asText()).isEqualTo("2026.9.6");
        assertThat(payload.get("auth").get("method").asText()).isEqualTo("token");
        assertThat(payload.get("auth").get("scopes"))
                .isEqualTo(
                        GatewayClient.JSON.valueToTree(List.of("operator.read", "operator.write", "operator.admin")));
        assertThat(payload.get("policy")).isEqualTo(real.get("policy"));
        assertThat(payload.get("features").get("methods"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "health",
                        "status",
                        "sessions.list",
                        "sessions.abort",
                        "sessions.reset",
                        "sessions.delete",
                        "agent",
                        "agent.wait",
                        "chat.history",
                        "chat.abort",
                        "chat.send");
        assertThat(payload.get("features").get("capabilities"))
                .isEqualTo(real.get("features").get("capabilities"));

        assertThat(shape(update)).isEqualTo(shape(recorded.get(2)));
        assertThat(update.get("seq").asInt()).isEqualTo(1);
        assertThat(fieldNames(health)).isEqualTo(fieldNames(recorded.get(3)));
        assertThat(health.get("seq").asInt()).isEqualTo(2);
        assertThat(gw.connectionCount()).isEqualTo(1);
    }

    @Test
    void wrongTokenGetsTheRecordedErrorAndClose1008() {
        List<JsonNode> badToken = Transcripts.received("v4/bad-token.jsonl");
        GatewayClient client = open(gateway());
        ObjectNode params = Connects.backend();
        ((ObjectNode) params.get("auth")).put("token", "definitely-wrong-token");

        JsonNode response = client.connect(params);

        assertThat(error(response)).isEqualTo(error(badToken.get(1)));
        assertThat(client.awaitClose())
                .isEqualTo(new GatewayClient.Close(
                        1008, "unauthorized: gateway token mismatch (provide gateway auth token)", true));
    }

    @Test
    void protocolMismatchGetsTheRecordedErrorAndClose1002() {
        List<JsonNode> badProtocol = Transcripts.received("v4/bad-protocol.jsonl");
        GatewayClient client = open(gateway());

        JsonNode response = client.connect(Connects.params(3, 3, "gateway-client", "backend"));

        assertThat(error(response)).isEqualTo(error(badProtocol.get(1)));
        assertThat(client.awaitClose().code()).isEqualTo(1002);
    }

    @Test
    void controlUiClientsNeedAnOriginAndADevice() {
        List<JsonNode> badClient = Transcripts.received("v4/bad-client.jsonl");
        TestGateway gw = gateway();
        ObjectNode params = Connects.params(4, 4, "openclaw-control-ui", "webchat");

        GatewayClient noOrigin = open(gw);
        assertThat(error(noOrigin.connect(params))).isEqualTo(error(badClient.get(1)));
        assertThat(noOrigin.awaitClose().code()).isEqualTo(1008);

        GatewayClient withOrigin = GatewayClient.open(gw.url(), Map.of("Origin", "http://127.0.0.1:" + gw.port()));
        assertThat(error(withOrigin.connect(params))).isEqualTo(error(badClient.get(3)));
        assertThat(withOrigin.awaitClose().code()).isEqualTo(1008);
        withOrigin.close();
    }

    @Test
    void foreignOriginIsRejectedForAnyClient() {
        TestGateway gw = gateway();
        GatewayClient client = GatewayClient.open(gw.url(), Map.of("Origin", "https://evil.example.com"));

        JsonNode response = client.connect(Connects.backend());

        assertThat(error(response).get("details").get("code").asText()).isEqualTo("CONTROL_UI_ORIGIN_NOT_ALLOWED");
        assertThat(client.awaitClose().code()).isEqualTo(1008);
        client.close();
    }

    @Test
    void firstFrameMustBeAConnectRequest() {
        GatewayClient client = open(gateway());
        client.challenge();

        JsonNode response = client.call("health", object());

        assertThat(error(response).get("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(error(response).get("message").asText())
                .isEqualTo("invalid handshake: first request must be connect");
        assertThat(client.awaitClose())
                .isEqualTo(new GatewayClient.Close(1008, "invalid handshake: first request must be connect", true));
    }

    @Test
    void invalidJsonBeforeConnectClosesWith1000() {
        GatewayClient client = open(gateway());
        client.challenge();

        client.sendText("{not json");

        assertThat(client.awaitClose().code()).isEqualTo(1000);
    }

    @Test
    void preAuthFramesAreLimitedTo64KiB() {
        GatewayClient client = open(gateway());
        client.challenge();

        client.sendText("{\"pad\":\"" + "x".repeat(64 * 1024) + "\"}");

        assertThat(client.awaitClose()).isEqualTo(new GatewayClient.Close(1009, "preauth payload too large", true));
    }

    @Test
    void handshakeTimesOutWithCloseCode1000AndNoReason() {
        GatewayClient client = open(gateway(b -> b.handshakeTimeout(Duration.ofMillis(200))));
        client.challenge();

        assertThat(client.awaitClose()).isEqualTo(new GatewayClient.Close(1000, "", true));
    }

    @Test
    void connectParamsAreClosedObjectsWithEnumeratedClientIds() {
        TestGateway gw = gateway();
        GatewayClient unknownField = open(gw);
        ObjectNode params = Connects.backend().put("bogus", true);
        assertThat(error(unknownField.connect(params)).get("message").asText())
                .isEqualTo("invalid connect params: at root: unexpected property 'bogus'");
        assertThat(unknownField.awaitClose().code()).isEqualTo(1008);

        GatewayClient unknownId = open(gw);
        assertThat(error(unknownId.connect(Connects.params(4, 4, "my-app", "backend")))
                        .get("message")
                        .asText())
                .isEqualTo("invalid connect params: at /client/id: must be equal to one of the allowed values");

        GatewayClient badRole = open(gw);
        assertThat(error(badRole.connect(Connects.backend().put("role", "admin")))
                        .get("message")
                        .asText())
                .isEqualTo("invalid role");
    }

    @Test
    void v4OnlyClientFieldsAreAccepted() {
        TestGateway gw = gateway();
        ObjectNode params = Connects.backend();
        ((ObjectNode) params.get("client")).put("timeZone", "UTC").put("buildId", "b1");

        assertThat(client(gw, params).isOpen()).isTrue();
    }

    @Test
    void noCredentialAndNoDeviceIsDeviceIdentityRequired() {
        GatewayClient client = open(gateway());
        ObjectNode params = Connects.backend();
        params.remove("auth");

        JsonNode error = error(client.connect(params));

        assertThat(error.get("code").asText()).isEqualTo("NOT_PAIRED");
        assertThat(error.get("message").asText()).isEqualTo("device identity required");
        assertThat(error.get("details").get("code").asText()).isEqualTo("DEVICE_IDENTITY_REQUIRED");
        assertThat(client.awaitClose().code()).isEqualTo(1008);
    }

    @Test
    void deviceLessClientsOtherThanLocalBackendAndCliGetNoScopes() {
        TestGateway gw = gateway();
        assertThat(grantedScopes(gw, Connects.params(4, 4, "test", "test"))).isEmpty();
        assertThat(grantedScopes(gw, Connects.params(4, 4, "gateway-client", "ui")))
                .isEmpty();
        assertThat(grantedScopes(gw, Connects.params(4, 4, "cli", "cli"))).hasSize(3);
        ObjectNode omitted = Connects.backend();
        omitted.remove("scopes");
        assertThat(grantedScopes(gw, omitted)).isEmpty();
        assertThat(grantedScopes(gw, Connects.scopes(Connects.backend(), "operator.read", "made.up")))
                .containsExactly("operator.read");
    }

    @Test
    void passwordModeChecksThePassword() {
        TestGateway gw = gateway(b -> b.token(null).password("pw"));
        GatewayClient wrong = open(gw);
        JsonNode error = error(wrong.connect(Connects.backend()));
        assertThat(error.get("message").asText())
                .isEqualTo("unauthorized: gateway password mismatch (provide gateway auth password)");
        assertThat(error.get("details").get("code").asText()).isEqualTo("AUTH_PASSWORD_MISMATCH");

        ObjectNode params = Connects.backend();
        params.putObject("auth").put("password", "pw");
        GatewayClient right = open(gw);
        JsonNode hello = right.connect(params).get("payload");
        assertThat(hello.get("auth").get("method").asText()).isEqualTo("password");
        assertThat(hello.get("snapshot").get("authMode").asText()).isEqualTo("password");
    }

    @Test
    void authModeNoneNeedsNoCredential() {
        TestGateway gw = gateway(b -> b.token(null));
        ObjectNode params = Connects.backend();
        params.remove("auth");

        JsonNode hello = open(gw).connect(params).get("payload");

        assertThat(hello.get("auth").get("method").asText()).isEqualTo("none");
        assertThat(hello.get("auth").get("scopes")).hasSize(3);
    }

    @Test
    void framesAboveMaxPayloadCloseWith1009AfterTheHandshake() {
        TestGateway gw = gateway(b -> b.maxPayload(100_000));
        GatewayClient client = client(gw);
        assertThat(client.received().stream()
                        .filter(f -> "res".equals(f.path("type").asText()))
                        .findFirst()
                        .orElseThrow()
                        .get("payload")
                        .get("policy")
                        .get("maxPayload")
                        .asInt())
                .isEqualTo(100_000);

        client.send("chat.send", chatSend("agent:main:big", "x".repeat(100_001), "k"));

        assertThat(client.awaitClose().code()).isEqualTo(1009);
    }

    @Test
    void receivedRequestsAreRecordedWithTheirParams() {
        TestGateway gw = gateway();
        GatewayClient client = client(gw);
        client.call("health", object());

        assertThat(gw.receivedRequests()).extracting(ReceivedRequest::method).containsExactly("connect", "health");
        assertThat(gw.receivedRequests().get(0).params().get("client").get("id").asText())
                .isEqualTo("gateway-client");
    }

    private List<String> grantedScopes(TestGateway gw, ObjectNode params) {
        JsonNode hello = client(gw, params).received().stream()
                .filter(f -> "res".equals(f.path("type").asText()))
                .findFirst()
                .orElseThrow();
        List<String> scopes = new ArrayList<>();
        hello.get("payload").get("auth").get("scopes").forEach(s -> scopes.add(s.asText()));
        return scopes;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
