package io.camelopenclaw.component;

import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One readiness check per gateway connection, registered while the connection is open. */
class OpenClawHealthCheckTest extends OpenClawTestSupport {

    private final TestHealthCheckRegistry registry = new TestHealthCheckRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return context;
    }

    private HealthCheck.Result check(String url) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream()
                .filter(r -> url.equals(r.getDetails().get(OpenClawConnectionHealthCheck.GATEWAY_URL)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void upWhileConnectedAndUnregisteredWhenTheConnectionCloses() throws Exception {
        template.requestBody("openclaw:rpc?method=health", (Object) null);

        HealthCheck.Result result = check(gw.url());

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getCheck().getId()).startsWith("openclaw:" + gw.url());
        assertThat(result.getCheck().getGroup()).isEqualTo("openclaw");
        assertThat(result.getCheck().isLiveness()).isFalse();
        assertThat(result.getDetails())
                .containsEntry(OpenClawConnectionHealthCheck.STATE, "CONNECTED")
                .containsEntry(OpenClawConnectionHealthCheck.PROTOCOL, 4)
                .containsEntry(OpenClawConnectionHealthCheck.SERVER_VERSION, "2026.9.6");

        context.stop();
        assertThat(registry.checks()).isEmpty();
    }

    @Test
    void downWhileReconnecting() {
        TestGateway gateway = TestGateway.builder().token(TOKEN).build().start();
        try {
            String url = gateway.url();
            template.requestBody("openclaw:rpc?method=health&gatewayUrl=" + url, (Object) null);

            gateway.stop();

            await().atMost(5, TimeUnit.SECONDS).until(() -> check(url).getState() == HealthCheck.State.DOWN);
            HealthCheck.Result result = check(url);
            assertThat(result.getMessage())
                    .hasValueSatisfying(m -> assertThat(m).startsWith("RECONNECTING"));
            assertThat(result.getDetails()).containsEntry(OpenClawConnectionHealthCheck.STATE, "RECONNECTING");
        } finally {
            gateway.stop();
        }
    }

    @Test
    void downWithTheCodeWhenTheTokenIsRefused() {
        template.request("openclaw:rpc?method=health&token=wrong-token", e -> {});

        HealthCheck.Result result = check(gw.url());

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("AUTH_TOKEN_MISMATCH"));
        assertThat(result.getDetails())
                .containsEntry(OpenClawConnectionHealthCheck.STATE, "NEEDS_OPERATOR_ACTION")
                .containsEntry(OpenClawConnectionHealthCheck.ERROR_CODE, "AUTH_TOKEN_MISMATCH");
        assertThat(result.getError()).isPresent();
    }

    @Test
    void downWithThePairingRequestWhenPairingIsRequired(@TempDir Path dir) {
        gw.faults().requirePairing();
        template.request(
                "openclaw:rpc?method=health&deviceIdentity=true&deviceIdentityFile=" + dir.resolve("device.json"),
                e -> {});

        HealthCheck.Result result = check(gw.url());

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails())
                .containsEntry(OpenClawConnectionHealthCheck.ERROR_CODE, "PAIRING_REQUIRED")
                .containsEntry(
                        OpenClawConnectionHealthCheck.PAIRING_REQUEST_ID,
                        gw.pendingPairingRequests().get(0));
    }
}
