package io.camelopenclaw.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.GatewayProbe;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayTimeoutException;
import io.camelopenclaw.client.run.AgentRunException;
import io.camelopenclaw.component.OpenClawComponent;
import io.camelopenclaw.component.OpenClawConfiguration;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.component.OpenClawManagedGatewayHealthCheck;
import io.camelopenclaw.gateway.ManagedGatewayState;
import io.camelopenclaw.gateway.ManagedGatewayStatus;
import io.camelopenclaw.gateway.OpenClawVersion;
import io.camelopenclaw.test.infra.OfflineGatewayConfig;
import io.camelopenclaw.test.infra.RealGateway;
import io.camelopenclaw.test.infra.RealGateways;
import io.camelopenclaw.testgateway.model.StubModelServer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The managed gateway (managedGateway=true) with a real OpenClaw gateway: the component installs the release into the
 * cache folder when asked (managedGatewayVersion) and starts it offline with the stub model; the gateway is killed
 * while runs are in flight and comes back; the runs in flight reattach or fail typed, the exchanges sent while it was
 * away and after complete, and the context's stop stops it. A real gateway that already runs is used as it is and
 * left running.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ManagedGatewayIT {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedGatewayIT.class);
    private static final String VERSION =
            System.getProperty(RealGateways.V4_VERSION_PROPERTY, RealGateways.DEFAULT_V4_VERSION);
    private static final String SESSION =
            "agent:main:managed-it-" + UUID.randomUUID().toString().substring(0, 6) + "-";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private DefaultCamelContext context;

    @AfterEach
    void tearDown() throws Exception {
        if (context != null) {
            context.stop();
        }
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void aManagedRealGatewayKilledMidTrafficComesBackAndTheExchangesComplete() throws Exception {
        StubModelServer model = StubModelServer.start();
        resources.add(model);
        int port = freePort();
        String token = UUID.randomUUID().toString().replace("-", "");
        Path state = RealGateways.newStateDir("managed-v4-" + VERSION + "-");
        OfflineGatewayConfig.write(
                OfflineGatewayConfig.create(OpenClawVersion.parse(VERSION), port, token, model.baseUrl(), state),
                state);
        context = context("ws://127.0.0.1:" + port, token);
        OpenClawComponent component = component();
        component.setManagedGateway(true);
        component.setManagedGatewayVersion(VERSION);
        component.setManagedGatewayStateDir(state.toString());
        component.setManagedGatewayEnvironment(OfflineGatewayConfig.environment(state));
        component.setManagedGatewayStartupTimeout(TimeUnit.MINUTES.toMillis(3));
        component.setManagedGatewayRestartInitialDelay(500);
        context.start();
        MockEndpoint chunks = context.getEndpoint("mock:chunks", MockEndpoint.class);
        chunks.expectedMinimumMessageCount(1);

        ManagedGatewayStatus started = component.managedGatewayStatus();
        assertThat(started.state()).isEqualTo(ManagedGatewayState.RUNNING);
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        List<CompletableFuture<Exchange>> slow = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slow.add(ask("slow-" + i, "please answer SLOW"));
        }
        chunks.assertIsSatisfied(TimeUnit.MINUTES.toMillis(2));

        killWithItsChildren(started.pid());
        List<CompletableFuture<Exchange>> duringTheOutage = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            duringTheOutage.add(ask("outage-" + i, "hello " + i));
        }

        for (CompletableFuture<Exchange> future : slow) { // reattached, or failed typed: never lost or hung
            Exchange done = future.get(5, TimeUnit.MINUTES);
            if (done.getException() == null) {
                assertThat(done.getMessage().getBody(String.class))
                        .startsWith("SLOW-ECHO part00")
                        .endsWith("part49.");
            } else {
                assertThat(done.getException()).isInstanceOf(AgentRunException.class);
            }
            LOG.info(
                    "A run in flight when the gateway was killed ended: {}",
                    done.getException() == null
                            ? "reattached, " + done.getMessage().getHeader(OpenClawConstants.STATUS)
                            : done.getException());
        }
        for (int i = 0; i < 3; i++) {
            Exchange done = duringTheOutage.get(i).get(5, TimeUnit.MINUTES);
            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getBody(String.class)).isEqualTo("ECHO: hello " + i);
        }
        ManagedGatewayStatus restarted = component.managedGatewayStatus();
        assertThat(restarted.state()).isEqualTo(ManagedGatewayState.RUNNING);
        assertThat(restarted.pid()).isNotEqualTo(started.pid());
        assertThat(restarted.restarts()).isEqualTo(1);
        assertThat(restarted.lastExitCode()).isEqualTo(137);
        HealthCheck.Result health = readiness();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails())
                .containsEntry(OpenClawManagedGatewayHealthCheck.RESTARTS, 1)
                .containsEntry(OpenClawManagedGatewayHealthCheck.STATE, "RUNNING");
        assertThat(ask("after", "back again")
                        .get(5, TimeUnit.MINUTES)
                        .getMessage()
                        .getBody(String.class))
                .isEqualTo("ECHO: back again");

        context.stop();

        assertThat(ProcessHandle.of(restarted.pid()).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(probe(port)).isEqualTo(GatewayProbe.Result.NOT_LISTENING);
        assertThat(Files.readString(Path.of("target/camel-openclaw-itest.log"))).doesNotContain(token);
    }

    @Test
    void aRealGatewayAlreadyRunningIsUsedAndLeftRunning() throws Exception {
        RealGateway gateway = RealGateways.v4();
        context = context(gateway.url().toString(), gateway.token());
        component().setManagedGateway(true);
        component().setManagedGatewayCommand("/no/such/openclaw"); // proves that nothing is started

        context.start();

        assertThat(component().managedGatewayStatus().state()).isEqualTo(ManagedGatewayState.REUSED);
        assertThat(readiness().getDetails()).containsEntry(OpenClawManagedGatewayHealthCheck.STATE, "REUSED");
        assertThat(ask("reused", "hi").get(3, TimeUnit.MINUTES).getMessage().getBody(String.class))
                .isEqualTo("ECHO: hi");

        context.stop();

        assertThat(gateway.process().isRunning()).isTrue();
        assertThat(probe(gateway.url().getPort())).isEqualTo(GatewayProbe.Result.ANSWERING);
    }

    private DefaultCamelContext context(String url, String token) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(30);
        HealthCheckRegistry.get(camel).setExposureLevel("full"); // the results of UP checks too
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a run that could not start while the gateway was away is tried again; a run that started is not
                onException(GatewayTimeoutException.class, GatewayConnectionLostException.class)
                        .maximumRedeliveries(5)
                        .redeliveryDelay(2000);
                from("direct:ask").to("openclaw:agent?runTimeout=60000&streamTo=mock:chunks");
            }
        });
        OpenClawConfiguration defaults = camel.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class)
                .getConfiguration();
        defaults.setGatewayUrl(url);
        defaults.setToken(token);
        defaults.setDeviceIdentityFile(Files.createTempDirectory("camel-openclaw-it")
                .resolve("device-identity.json")
                .toString());
        defaults.setReconnectMaxDelay(2_000);
        return camel;
    }

    private OpenClawComponent component() {
        return context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
    }

    private CompletableFuture<Exchange> ask(String session, String text) {
        ProducerTemplate template = context.createProducerTemplate();
        return template.asyncSend("direct:ask", e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, SESSION + session);
        });
    }

    private HealthCheck.Result readiness() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().equals(OpenClawManagedGatewayHealthCheck.ID))
                .findFirst()
                .orElseThrow();
    }

    /** Like a crash of the whole gateway: SIGKILL to the process and everything it started. */
    private static void killWithItsChildren(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> !root.isAlive());
    }

    private static GatewayProbe.Result probe(int port) {
        return GatewayProbe.probe(URI.create("ws://127.0.0.1:" + port), Duration.ofSeconds(5))
                .join();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
