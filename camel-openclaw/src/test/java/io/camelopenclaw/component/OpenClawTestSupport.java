package io.camelopenclaw.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.testgateway.ReceivedRequest;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs a test class against one in-process {@link TestGateway} (token auth, 1 s ticks, small payload limits) with
 * the {@code openclaw} component pointed at it and fast reconnects.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class OpenClawTestSupport extends CamelTestSupport {

    static final String TOKEN = "test-token";
    /** The gateway's limits: small, so that tests can exceed them cheaply. */
    static final int MAX_PAYLOAD = 256 * 1024;

    static final int MAX_ATTACHMENT = 64 * 1024;
    static final int MAX_IMAGE = 32 * 1024;

    static TestGateway gw;
    /** The device identity of the class's routes (the default, ~/.camel-openclaw, is not for tests). */
    static Path identityFile;

    @BeforeAll
    static void startGateway() throws IOException {
        identityFile = Files.createTempDirectory("camel-openclaw-test").resolve("device-identity.json");
        gw = newGateway();
    }

    /** A started test gateway as the tests use it: token auth, protocol 4, 1 s ticks, small payload limits. */
    static TestGateway newGateway() {
        return TestGateway.builder()
                .token(TOKEN)
                .protocol(4)
                .tickInterval(Duration.ofSeconds(1))
                .chunkDelay(Duration.ofMillis(1))
                .slowChunkDelay(Duration.ofMillis(40))
                .maxPayload(MAX_PAYLOAD)
                .attachmentLimits(MAX_ATTACHMENT, MAX_IMAGE)
                .build()
                .start();
    }

    @AfterAll
    static void stopGateway() {
        gw.close();
    }

    @AfterEach
    void resetGateway() {
        gw.faults().reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        pointAt(context, gw, identityFile);
        return context;
    }

    /** Points a context's {@code openclaw} component at a test gateway, with fast reconnects. */
    static void pointAt(CamelContext context, TestGateway gateway, Path deviceIdentityFile) {
        OpenClawComponent component = context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
        component.setEnvironment(name -> null); // hermetic: no OPENCLAW_* variables of the machine running the tests
        OpenClawConfiguration defaults = component.getConfiguration();
        defaults.setGatewayUrl(gateway.url());
        defaults.setToken(TOKEN);
        defaults.setDeviceIdentityFile(deviceIdentityFile.toString());
        defaults.setReconnectInitialDelay(50);
        defaults.setReconnectMaxDelay(200);
        defaults.setRequestTimeout(5_000);
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        configuration.withShutdownTimeout(5);
    }

    /** The body as the Map it is (rpc results, event payloads). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapBody(Exchange exchange) {
        return exchange.getMessage().getBody(Map.class);
    }

    OpenClawComponent component() {
        return context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
    }

    /** The component's open gateway connections. */
    Collection<SharedGatewayConnection> connections() {
        return component().connections().connections().values();
    }

    /** Waits until every open connection has completed its handshake (consumers connect in the background). */
    void awaitConnected() {
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        connections().stream().allMatch(c -> c.client().status().state() == ConnectionState.CONNECTED));
    }

    /** The params of the last request of a method the gateway received. */
    static JsonNode lastParams(String method) {
        List<ReceivedRequest> sent = requests(method);
        assertThat(sent).as("requests of %s", method).isNotEmpty();
        return sent.get(sent.size() - 1).params();
    }

    /** The requests of a method the gateway received, oldest first. */
    static List<ReceivedRequest> requests(String method) {
        return gw.receivedRequests().stream()
                .filter(r -> r.method().equals(method))
                .toList();
    }
}
