package io.camelopenclaw.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.api.ConnectionListener;
import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayRequestException;
import io.camelopenclaw.client.error.MissingScopeException;
import io.camelopenclaw.client.error.PairingRequiredException;
import io.camelopenclaw.testgateway.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GatewayClientHandshakeTest {

    private final ClientFixture fx = new ClientFixture();

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    private static long connectAttempts(TestGateway gw) {
        return ClientFixture.count(gw, "connect");
    }

    @Test
    void tokenHandshakeNegotiatesProtocol4AndReadsHelloOk() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        GatewayInfo info = client.info();
        assertThat(info.protocol()).isEqualTo(4);
        assertThat(info.grantedScopes()).contains("operator.read", "operator.write");
        assertThat(info.policy().maxPayload()).isEqualTo(26_214_400L);
        assertThat(info.policy().attachmentMaxBytes()).isEqualTo(19_464_192L);
        assertThat(info.mainSessionKey()).isEqualTo("agent:main:main");
        assertThat(client.status().state()).isEqualTo(ConnectionState.CONNECTED);

        var connect = gw.receivedRequests().get(0);
        assertThat(connect.method()).isEqualTo("connect");
        assertThat(connect.params().path("minProtocol").asInt()).isEqualTo(3);
        assertThat(connect.params().path("maxProtocol").asInt()).isEqualTo(4);
        assertThat(connect.params().path("client").path("id").asText()).isEqualTo("gateway-client");
        assertThat(connect.params().path("client").path("mode").asText()).isEqualTo("backend");
        assertThat(connect.params().path("role").asText()).isEqualTo("operator");
        assertThat(connect.params().path("scopes")).hasSize(2);
    }

    @Test
    void originHeaderIsSentOnlyWhenConfigured() throws Exception {
        TestGateway gw = fx.gateway();
        assertThat(fx.connected(gw).info().grantedScopes())
                .contains("operator.write"); // no Origin: local backend kept its scopes
        GatewayClient withOrigin = fx.client(fx.options(gw)
                .origin("https://evil.example.com")
                .header("X-Trace", "1")
                .build());
        assertThatThrownBy(() -> withOrigin.connect().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(GatewayConnectException.class)
                .hasMessageContaining("CONTROL_UI_ORIGIN_NOT_ALLOWED");
    }

    @Test
    void protocol3GatewayIsSupported() throws Exception {
        TestGateway gw = fx.gateway(b -> b.protocol(3));
        GatewayClient client = fx.client(fx.options(gw)
                .deviceIdentityStore(DeviceIdentityStore.file(tempFile()))
                .build());
        GatewayInfo info = client.connect().get(10, TimeUnit.SECONDS);
        assertThat(info.protocol()).isEqualTo(3);
        assertThat(client.request("sessions.list", null)
                        .get(5, TimeUnit.SECONDS)
                        .has("sessions"))
                .isTrue();
    }

    @Test
    void protocol3GatewayClearingScopesOfDevicelessClientsIsDetected() {
        TestGateway gw = fx.gateway(b -> b.protocol(3));
        GatewayClient client = fx.client(fx.options(gw).build());
        assertThatThrownBy(() -> client.connect().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(MissingScopeException.class)
                .hasMessageContaining("operator.write");
        assertThat(client.status().state()).isEqualTo(ConnectionState.NEEDS_OPERATOR_ACTION);
    }

    @Test
    void wrongTokenIsATypedErrorAndDoesNotLoop() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.client(fx.options(gw).token("wrong-token").build());
        ExecutionException e = Assertions.assertThrows(
                ExecutionException.class, () -> client.connect().get(10, TimeUnit.SECONDS));
        assertThat(e.getCause())
                .isInstanceOf(GatewayConnectException.class)
                .hasMessageContaining("AUTH_TOKEN_MISMATCH")
                .hasMessageNotContaining("wrong-token");
        assertThat(((GatewayConnectException) e.getCause()).needsOperatorAction())
                .isTrue();
        assertThat(client.status().state()).isEqualTo(ConnectionState.NEEDS_OPERATOR_ACTION);
        assertThat(connectAttempts(gw)).isEqualTo(1); // no retry is scheduled before the operator delay:
        // GatewayConnectionTest.aRefusedTokenWaitsForTheOperatorInsteadOfRetrying
        assertThatThrownBy(() -> client.request("health", null).get(5, TimeUnit.SECONDS))
                .cause()
                .hasMessageContaining("AUTH_TOKEN_MISMATCH");
    }

    @Test
    void pairingRequiredSurfacesTheRequestId() throws Exception {
        TestGateway gw = fx.gateway();
        gw.faults().requirePairing();
        GatewayClient client = fx.client(fx.options(gw)
                .clientId("cli")
                .clientMode("cli")
                .deviceIdentityStore(DeviceIdentityStore.file(tempFile()))
                .build());
        ExecutionException e = Assertions.assertThrows(
                ExecutionException.class, () -> client.connect().get(10, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(PairingRequiredException.class).hasMessageContaining("PAIRING_REQUIRED");
        String requestId = ((PairingRequiredException) e.getCause()).requestId();
        assertThat(requestId).isNotBlank();
        assertThat(e.getCause().getMessage()).contains(requestId);
        assertThat(client.status().pairingRequestId()).isEqualTo(requestId);
    }

    @Test
    void clearedScopesFailWithTheMissingScopeNamed() {
        TestGateway gw = fx.gateway();
        gw.faults().clearScopes();
        GatewayClient client = fx.client(fx.options(gw).build());
        assertThatThrownBy(() -> client.connect().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(MissingScopeException.class)
                .hasMessageContaining("operator.read")
                .hasMessageContaining("operator.write")
                .hasMessageContaining("MISSING_SCOPE");
    }

    @Test
    void protocolMismatchStopsRetrying() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.client(fx.options(gw).protocolRange(3, 3).build());
        assertThatThrownBy(() -> client.connect().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(GatewayConnectException.class)
                .hasMessageContaining("PROTOCOL_MISMATCH");
        assertThat(client.status().state()).isEqualTo(ConnectionState.NEEDS_OPERATOR_ACTION);
        assertThat(connectAttempts(gw)).isEqualTo(1);
    }

    @Test
    void startupUnavailableIsRetriedWithTheGatewayHint() throws Exception {
        TestGateway gw = fx.gateway();
        gw.faults().startupUnavailable(2);
        GatewayClient client = fx.client(fx.options(gw).build());
        GatewayInfo info = client.connect().get(15, TimeUnit.SECONDS);
        assertThat(info.protocol()).isEqualTo(4);
        assertThat(connectAttempts(gw)).isEqualTo(3);
        assertThat(fx.errors).anyMatch(t -> t.getMessage().contains("UNAVAILABLE"));
    }

    @Test
    void deviceIdentityIsPairedPersistedAndTheDeviceTokenAloneReconnects(@TempDir Path dir) throws Exception {
        TestGateway gw = fx.gateway();
        Path file = dir.resolve("identity.json");
        GatewayClient first = fx.client(fx.options(gw)
                .clientId("cli")
                .clientMode("cli")
                .deviceIdentityStore(DeviceIdentityStore.file(file))
                .build());
        GatewayInfo info = first.connect().get(10, TimeUnit.SECONDS);
        assertThat(info.deviceTokenIssued()).isTrue();
        var connect = gw.receivedRequests().get(0).params();
        assertThat(connect.path("device").path("id").asText()).hasSize(64);
        assertThat(DeviceIdentityStore.file(file).deviceToken(gw.url(), "operator"))
                .isPresent();
        first.close();

        GatewayClient second = fx.client(fx.options(gw)
                .token(null)
                .clientId("cli")
                .clientMode("cli")
                .deviceIdentityStore(DeviceIdentityStore.file(file))
                .build());
        GatewayInfo again = second.connect().get(10, TimeUnit.SECONDS);
        assertThat(again.authMethod()).isEqualTo("device-token");
        var last = gw.receivedRequests().stream()
                .filter(r -> "connect".equals(r.method()))
                .reduce((a, b) -> b)
                .orElseThrow()
                .params();
        assertThat(last.path("auth").has("token")).isFalse();
        assertThat(last.path("auth").path("deviceToken").asText()).isNotBlank();
    }

    @Test
    void backendClientWithDeviceAndTokenGetsScopesWithoutDeviceToken(@TempDir Path dir) throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.client(fx.options(gw)
                .deviceIdentityStore(DeviceIdentityStore.file(dir.resolve("id.json")))
                .build());
        GatewayInfo info = client.connect().get(10, TimeUnit.SECONDS);
        assertThat(info.grantedScopes()).contains("operator.write");
        assertThat(info.deviceTokenIssued()).isFalse();
    }

    @Test
    void unreachableGatewayKeepsRetryingUntilItAppears() throws Exception {
        TestGateway gw = fx.gateway();
        gw.stop();
        GatewayClient client = fx.client(fx.options(gw).build());
        List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
        client.addConnectionListener(new ConnectionListener() {
            @Override
            public void onStatus(ConnectionStatus status) {
                statuses.add(status);
            }
        });
        var connected = client.connect();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> statuses.stream()
                                .filter(s -> s.reason() != null && s.reason().contains("reconnecting in"))
                                .count()
                        >= 2);
        assertThat(connected).isNotDone();
        assertThat(client.status().state()).isEqualTo(ConnectionState.CONNECTING);
        gw.restart();
        assertThat(connected.get(10, TimeUnit.SECONDS).protocol()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().state() == ConnectionState.CONNECTED);
    }

    @Test
    void requestsFailFastWithTypedErrors() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        assertThatThrownBy(() -> client.request("no.such.method", null).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(MissingScopeException.class)
                .hasMessageContaining("operator.admin");
        GatewayClient admin = fx.client(fx.options(gw)
                .scopes(List.of("operator.read", "operator.write", "operator.admin"))
                .build());
        admin.connect().get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> admin.request("no.such.method", null).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(GatewayRequestException.class)
                .hasMessageContaining("unknown method");
        assertThatThrownBy(() -> client.request("health", "[1,2]").get(5, TimeUnit.SECONDS))
                .cause()
                .hasMessageContaining("JSON object");
        assertThat(client.request("health", Map.of()).get(5, TimeUnit.SECONDS).isObject())
                .isTrue();
        assertThatThrownBy(() ->
                        client.request("sessions.reset", Map.of("key", "x")).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(MissingScopeException.class)
                .hasMessageContaining("operator.admin");
    }

    private Path tempFile() throws IOException {
        Path dir = Files.createTempDirectory("oc-id");
        dir.toFile().deleteOnExit();
        return dir.resolve("identity.json");
    }
}
