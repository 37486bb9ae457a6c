package io.camelopenclaw.component;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayTimeoutException;
import io.camelopenclaw.client.error.MissingScopeException;
import io.camelopenclaw.client.error.PairingRequiredException;
import io.camelopenclaw.testgateway.ReceivedRequest;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Gateway connections: sharing, credentials, scopes, device identity, and errors on the wire. */
class OpenClawConnectionTest extends OpenClawTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:agent").routeId("agent").to("openclaw:agent?sessionKey=agent:main:shared");
                from("openclaw:events").routeId("events").to("mock:events");
                from("direct:rpc").routeId("rpc").to("openclaw:rpc?method=health");
                from("direct:read-only").routeId("read-only").to("openclaw:rpc?method=health&scopes=operator.read");
                from("openclaw:events?token=wrong-token&events=tick&bridgeErrorHandler=true")
                        .routeId("bad-token")
                        .onException(Exception.class)
                        .handled(true)
                        .to("mock:errors")
                        .end()
                        .to("mock:never");
            }
        };
    }

    @Test
    void endpointsWithTheSameSettingsShareOneConnectionUntilTheLastStops() throws Exception {
        template.requestBody("direct:agent", "hello");
        template.requestBody("direct:rpc", (Object) null);
        template.requestBody("direct:read-only", (Object) null);

        assertThat(connections()).hasSize(3); // shared, read-only and the refused bad-token one
        await().atMost(5, TimeUnit.SECONDS).until(() -> gw.connectionCount() == 2);

        context.getRouteController().stopRoute("bad-token");
        context.getRouteController().stopRoute("read-only");
        assertThat(connections()).hasSize(1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> gw.connectionCount() == 1);

        context.getRouteController().stopRoute("agent");
        context.getRouteController().stopRoute("events");
        assertThat(connections()).hasSize(1);
        context.getRouteController().stopRoute("rpc");
        assertThat(connections()).isEmpty();
        await().atMost(5, TimeUnit.SECONDS).until(() -> gw.connectionCount() == 0);

        context.getRouteController().startRoute("rpc");
        assertThat(mapBody(template.request("direct:rpc", e -> {}))).containsEntry("ok", true);
    }

    @Test
    void aWrongTokenFailsExchangesWithTheGatewaysCode() {
        Exchange reply = template.request("openclaw:rpc?method=health&token=wrong-token", e -> {});

        assertThat(reply.getException())
                .isInstanceOf(GatewayConnectException.class)
                .hasMessageContaining("AUTH_TOKEN_MISMATCH");
        Exchange run = template.request(
                "openclaw:agent?sessionKey=x&token=wrong-token",
                e -> e.getMessage().setBody("hi"));
        assertThat(run.getException()).hasMessageContaining("AUTH_TOKEN_MISMATCH");
    }

    @Test
    void aWrongTokenReachesTheConsumersErrorHandler() {
        MockEndpoint errors = getMockEndpoint("mock:errors");

        await().atMost(5, TimeUnit.SECONDS).until(() -> errors.getReceivedCounter() >= 1);

        assertThat(errors.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(GatewayConnectException.class)
                .hasMessageContaining("AUTH_TOKEN_MISMATCH");
    }

    @Test
    void passwordAuthentication() {
        TestGateway passwordGateway =
                TestGateway.builder().password("s3cret").build().start();
        try {
            String uri = "openclaw:rpc?method=health&token=&gatewayUrl=" + passwordGateway.url();
            assertThat(mapBody(template.request(uri + "&password=s3cret", e -> {})))
                    .containsEntry("ok", true);
            assertThat(template.request(uri + "&password=wrong", e -> {}).getException())
                    .hasMessageContaining("AUTH_PASSWORD_MISMATCH");
        } finally {
            passwordGateway.stop();
        }
    }

    @Test
    void gatewayUrlAndTokenDefaultToTheEnvironment() {
        OpenClawComponent component = component();
        component.getConfiguration().setGatewayUrl(null);
        component.getConfiguration().setToken(null);
        component.setEnvironment(
                Map.of(ConnectionSettings.ENV_GATEWAY_URL, gw.url(), ConnectionSettings.ENV_TOKEN, TOKEN)::get);

        OpenClawEndpoint endpoint = context.getEndpoint("openclaw:rpc?method=status", OpenClawEndpoint.class);

        assertThat(endpoint.getServiceUrl()).isEqualTo(gw.url());
        assertThat(template.request(endpoint, e -> {}).getException()).isNull();
        component.setEnvironment(name -> null);
        assertThat(context.getEndpoint("openclaw:rpc?method=x", OpenClawEndpoint.class)
                        .getServiceUrl())
                .isEqualTo("ws://127.0.0.1:18789");
    }

    @Test
    void aGatewayThatNeverAnswersFailsExchangesAfterTheRequestTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();

            Exchange reply = template.request(
                    "openclaw:rpc?method=health&connectTimeout=300&requestTimeout=1000" + "&gatewayUrl=ws://127.0.0.1:"
                            + silent.getLocalPort(),
                    e -> {});

            assertThat(reply.getException())
                    .isInstanceOf(GatewayTimeoutException.class)
                    .hasMessageContaining("not connected within 1000 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void theConnectionGivesUpAfterMaxReconnectAttempts() {
        TestGateway gateway = TestGateway.builder().token(TOKEN).build().start();
        String uri = "openclaw:rpc?method=health&maxReconnectAttempts=2&gatewayUrl=" + gateway.url();
        assertThat(template.request(uri, e -> {}).getException()).isNull();

        gateway.stop();

        await().atMost(5, TimeUnit.SECONDS)
                .until(() ->
                        connections().stream().anyMatch(c -> c.client().status().state() == ConnectionState.CLOSED));
        assertThat(template.request(uri, e -> {}).getException()).isInstanceOf(GatewayConnectionLostException.class);
    }

    @Test
    void scopesTheGatewayDoesNotGrantFailTheConnection() {
        gw.faults().clearScopes();

        Exchange reply = template.request("openclaw:rpc?method=health&clientDisplayName=scopeless", e -> {});

        assertThat(reply.getException())
                .isInstanceOf(MissingScopeException.class)
                .hasMessageContaining("MISSING_SCOPE")
                .hasMessageContaining("operator.write");
    }

    @Test
    void connectionsSignWithADeviceIdentityByDefaultAndDeviceIdentityFalseTurnsItOff(@TempDir Path dir) {
        Path identity = dir.resolve("device.json");

        Exchange signed = template.request(
                "openclaw:rpc?method=health&clientDisplayName=signed&deviceIdentityFile=" + identity, e -> {});
        Exchange unsigned = template.request(
                "openclaw:rpc?method=health&clientDisplayName=unsigned" + "&deviceIdentity=false", e -> {});

        assertThat(signed.getException()).isNull();
        assertThat(unsigned.getException()).isNull();
        assertThat(identity).exists();
        assertThat(connectsOf("signed")).isNotEmpty().allMatch(r -> r.params().has("device"));
        assertThat(connectsOf("unsigned"))
                .isNotEmpty()
                .noneMatch(r -> r.params().has("device"));
    }

    private static List<ReceivedRequest> connectsOf(String displayName) {
        return requests("connect").stream()
                .filter(r -> displayName.equals(
                        r.params().path("client").path("displayName").asText()))
                .toList();
    }

    @Test
    void pairingRequiredNamesThePairingRequest(@TempDir Path dir) {
        gw.faults().requirePairing();

        Exchange reply = template.request(
                "openclaw:rpc?method=health&deviceIdentity=true&deviceIdentityFile=" + dir.resolve("new-device.json"),
                e -> {});

        assertThat(reply.getException())
                .isInstanceOf(PairingRequiredException.class)
                .hasMessageContaining("PAIRING_REQUIRED");
        String requestId = ((PairingRequiredException) reply.getException()).requestId();
        assertThat(requestId).isNotBlank();
        assertThat(gw.pendingPairingRequests()).contains(requestId);
    }

    @Test
    void aMalformedFrameDoesNotHurtTheConnection() throws Exception {
        assertThat(mapBody(template.request("direct:rpc", e -> {}))).containsEntry("ok", true);

        gw.faults().sendMalformedFrame();
        gw.faults().sendOversizedFrame(MAX_PAYLOAD + 1);

        assertThat(template.request("direct:agent", e -> e.getMessage().setBody("still here"))
                        .getMessage()
                        .getBody(String.class))
                .isEqualTo("ECHO: still here");
    }
}
