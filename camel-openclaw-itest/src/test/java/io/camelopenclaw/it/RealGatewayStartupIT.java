package io.camelopenclaw.it;

import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.auth.DeviceIdentity;
import io.camelopenclaw.test.infra.RealGateway;
import io.camelopenclaw.test.infra.RealGateways;
import io.camelopenclaw.testgateway.model.StubModelRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Smoke test of the real-gateway harness: both real gateways start, speak their protocol version, check the token,
 * reach the stub model, and survive restart and kill.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RealGatewayStartupIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    static void startGateways() {
        RealGateways.v4();
        RealGateways.v3();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void isReadyAndAnswersHelloOkWithItsProtocol(String name) throws Exception {
        RealGateway gateway = gateway(name);

        assertThat(httpStatus(gateway.process().httpUrl().resolve("/readyz"))).isEqualTo(200);
        try (RawGatewaySocket socket = RawGatewaySocket.open(gateway.url())) {
            JsonNode hello = socket.connect(gateway.token(), null);

            assertThat(hello.path("ok").asBoolean()).as("connect res %s", hello).isTrue();
            assertThat(hello.path("payload").path("type").asText()).isEqualTo("hello-ok");
            assertThat(hello.path("payload").path("protocol").asInt()).isEqualTo(gateway.protocol());
            assertThat(hello.path("payload").path("server").path("version").asText())
                    .isEqualTo(gateway.version().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void rejectsAWrongTokenAndCloses1008(String name) throws Exception {
        RealGateway gateway = gateway(name);

        try (RawGatewaySocket socket = RawGatewaySocket.open(gateway.url())) {
            JsonNode response = socket.connect("not-the-" + gateway.token(), null);

            assertThat(response.path("ok").asBoolean()).isFalse();
            assertThat(response.path("error").path("details").path("code").asText())
                    .isEqualTo("AUTH_TOKEN_MISMATCH");
            assertThat(socket.awaitClose()).isEqualTo(1008);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void answersAChatMessageThroughTheStubModel(String name) throws Exception {
        RealGateway gateway = gateway(name);
        int requestsBefore = gateway.model().requestCount();

        assertThat(finalReply(gateway, "agent:main:it-startup-" + name, "hello camel"))
                .isEqualTo("ECHO: hello camel");

        assertThat(gateway.model().requestCount()).isGreaterThan(requestsBefore);
        StubModelRequest request = gateway.model().lastRequest().orElseThrow();
        assertThat(request.realUserText()).isEqualTo("hello camel");
        assertThat(request.mode()).isEqualTo(StubModelRequest.Mode.ECHO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void runsAToolCallThroughTheStubModel(String name) throws Exception {
        RealGateway gateway = gateway(name);
        int requestsBefore = gateway.model().requestCount();

        String reply = finalReply(gateway, "agent:main:it-startup-tool-" + name, "please TOOLCALL now");

        assertThat(reply).startsWith("TOOL RESULT SEEN: ");
        List<StubModelRequest> ours = gateway.model().requests().stream()
                .filter(request -> request.number() > requestsBefore)
                .collect(Collectors.toList());
        assertThat(ours)
                .extracting(StubModelRequest::mode)
                .containsExactly(StubModelRequest.Mode.TOOL_CALL, StubModelRequest.Mode.TOOL_RESULT);
        // 2026.9.6 offers ls; 2026.3.13 does not, so the stub calls session_status there
        assertThat(ours.get(0).toolNames()).contains(gateway.protocol() == 4 ? "ls" : "session_status");
        assertThat(ours.get(1).roles()).contains("tool");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void restartsOnTheSamePortWithTheSameToken(String name) throws Exception {
        RealGateway gateway = gateway(name);
        URI url = gateway.url();

        gateway.restart();

        assertThat(gateway.process().isRunning()).isTrue();
        assertThat(gateway.url()).isEqualTo(url);
        assertHelloOk(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void comesBackAfterAKill(String name) throws Exception {
        RealGateway gateway = gateway(name);

        gateway.kill();

        assertThat(gateway.process().isRunning()).isFalse();
        assertThatThrownBy(() -> RawGatewaySocket.open(gateway.url())).isInstanceOf(IllegalStateException.class);
        gateway.restart();
        assertHelloOk(gateway);
    }

    /** Sends {@code message} with chat.send (signed device: 2026.3.13 keeps the scopes only then); the final text. */
    private static String finalReply(RealGateway gateway, String sessionKey, String message) throws Exception {
        String runId = UUID.randomUUID().toString();
        try (RawGatewaySocket socket = RawGatewaySocket.open(gateway.url())) {
            JsonNode hello = socket.connect(gateway.token(), DeviceIdentity.generate());
            assertThat(hello.path("ok").asBoolean()).as("connect res %s", hello).isTrue();

            ObjectNode params = JSON.createObjectNode()
                    .put("sessionKey", sessionKey)
                    .put("message", message)
                    .put("idempotencyKey", runId);
            JsonNode ack = socket.request("chat.send", params);
            assertThat(ack.path("ok").asBoolean()).as("chat.send res %s", ack).isTrue();

            JsonNode done = socket.await(
                    frame -> "chat".equals(frame.path("event").asText())
                            && runId.equals(frame.path("payload").path("runId").asText())
                            && !"delta"
                                    .equals(frame.path("payload").path("state").asText())
                            && !"status"
                                    .equals(frame.path("payload").path("state").asText()),
                    RawGatewaySocket.TIMEOUT);
            assertThat(done.path("payload").path("state").asText())
                    .as("chat event %s", done)
                    .isEqualTo("final");
            return done.path("payload")
                    .path("message")
                    .path("content")
                    .path(0)
                    .path("text")
                    .asText();
        }
    }

    private static RealGateway gateway(String name) {
        return "v4".equals(name) ? RealGateways.v4() : RealGateways.v3();
    }

    private static void assertHelloOk(RealGateway gateway) throws Exception {
        try (RawGatewaySocket socket = RawGatewaySocket.open(gateway.url())) {
            JsonNode hello = socket.connect(gateway.token(), null);
            assertThat(hello.path("payload").path("type").asText())
                    .as("connect res %s", hello)
                    .isEqualTo("hello-ok");
        }
    }

    private static int httpStatus(URI uri) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
