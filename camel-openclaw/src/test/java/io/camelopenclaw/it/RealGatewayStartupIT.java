package io.camelopenclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.HttpURLConnection;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.auth.DeviceIdentity;
import io.camelopenclaw.testgateway.model.StubModelRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    @ValueSource(strings = { "v4", "v3" })
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
    @ValueSource(strings = { "v4", "v3" })
    void rejectsAWrongTokenAndCloses1008(String name) throws Exception {
        RealGateway gateway = gateway(name);

        try (RawGatewaySocket socket = RawGatewaySocket.open(gateway.url())) {
            JsonNode response = socket.connect("not-the-" + gateway.token(), null);

            assertThat(response.path("ok").asBoolean()).isFalse();
            assertThat(response.path("error").path("details").path("code").asText()).isEqualTo("AUTH_TOKEN_MISMATCH");
            assertThat(socket.awaitClose()).isEqualTo(1008);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "v4", "v3" })
    void answersAChatMessageThroughTheStubModel(String name) throws Exception {
        RealGateway gateway = gateway(name);
        int requestsBefore = gateway.model().requestCount();
        String runId = UUID.randomUUID().toString();

        try (RawGatewaySocket socket = RawGatewaySocket.open(gateway.url())) {
            // a signed device keeps the requested scopes on 2026.3.13
            JsonNode hello = socket.connect(gateway.token(), DeviceIdentity.generate());
            assertThat(hello.path("ok").asBoolean()).as("connect res %s", hello).isTrue();

            ObjectNode params = JSON.createObjectNode().put("sessionKey", "agent:main:it-startup-" + name)
                    .put("message", "hello camel").put("idempotencyKey", runId);
            JsonNode ack = socket.request("chat.send", params);
            assertThat(ack.path("ok").asBoolean()).as("chat.send res %s", ack).isTrue();

            JsonNode done = socket.await(frame -> "chat".equals(frame.path("event").asText())
                    && runId.equals(frame.path("payload").path("runId").asText())
                    && !"delta".equals(frame.path("payload").path("state").asText())
                    && !"status".equals(frame.path("payload").path("state").asText()), RawGatewaySocket.TIMEOUT);
            assertThat(done.path("payload").path("state").asText()).as("chat event %s", done).isEqualTo("final");
            assertThat(done.path("payload").path("message").path("content").path(0).path("text").asText())
                    .isEqualTo("ECHO: hello camel");
        }
        assertThat(gateway.model().requestCount()).isGreaterThan(requestsBefore);
        StubModelRequest request = gateway.model().lastRequest().orElseThrow();
        assertThat(request.realUserText()).isEqualTo("hello camel");
        assertThat(request.mode()).isEqualTo(StubModelRequest.Mode.ECHO);
    }

    @ParameterizedTest
    @ValueSource(strings = { "v4", "v3" })
    void restartsOnTheSamePortWithTheSameToken(String name) throws Exception {
        RealGateway gateway = gateway(name);
        URI url = gateway.url();

        gateway.restart();

        assertThat(gateway.process().isRunning()).isTrue();
        assertThat(gateway.url()).isEqualTo(url);
        assertHelloOk(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = { "v4", "v3" })
    void comesBackAfterAKill(String name) throws Exception {
        RealGateway gateway = gateway(name);

        gateway.kill();

        assertThat(gateway.process().isRunning()).isFalse();
        assertThatThrownBy(() -> RawGatewaySocket.open(gateway.url())).isInstanceOf(IllegalStateException.class);
        gateway.restart();
        assertHelloOk(gateway);
    }

    private static RealGateway gateway(String name) {
        return "v4".equals(name) ? RealGateways.v4() : RealGateways.v3();
    }

    private static void assertHelloOk(RealGateway gateway) throws Exception {
        try (RawGatewaySocket socket = RawGatewaySocket.open(gateway.url())) {
            JsonNode hello = socket.connect(gateway.token(), null);
            assertThat(hello.path("payload").path("type").asText()).as("connect res %s", hello).isEqualTo("hello-ok");
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
