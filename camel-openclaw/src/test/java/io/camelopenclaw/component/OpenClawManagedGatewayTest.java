package io.camelopenclaw.component;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.GatewayProbe;
import io.camelopenclaw.gateway.FakeGateway;
import io.camelopenclaw.gateway.FakeGatewayMain;
import io.camelopenclaw.gateway.GatewayStartException;
import io.camelopenclaw.gateway.ManagedGatewayOptions;
import io.camelopenclaw.gateway.ManagedGatewayState;
import io.camelopenclaw.gateway.ManagedGatewayStatus;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The component's managed gateway (managedGateway=true) with {@link FakeGatewayMain} as
 * openclaw: started with the context, its health in the health check, exchanges that complete across a crash, and
 * stopped with the context.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(120)
class OpenClawManagedGatewayTest {

    /** Unique per run, so that a log that outlived earlier runs cannot hold it. */
    private static final String TOKEN = "component-token-" + UUID.randomUUID();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final TestHealthCheckRegistry registry = new TestHealthCheckRegistry();
    private FakeGateway fake;
    private int port;
    private DefaultCamelContext context;

    @BeforeEach
    void setUp() {
        fake = FakeGateway.in(dir);
        port = FakeGateway.freePort();
        context = new DefaultCamelContext();
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        OpenClawComponent component = component();
        component.setEnvironment(name -> null);
        OpenClawConfiguration defaults = component.getConfiguration();
        defaults.setGatewayUrl("ws://127.0.0.1:" + port);
        defaults.setToken(TOKEN);
        defaults.setDeviceIdentityFile(dir.resolve("device-identity.json").toString());
        defaults.setReconnectInitialDelay(100);
        defaults.setReconnectMaxDelay(500);
        component.setManagedGateway(true);
        component.setManagedGatewayCommand(fake.command().toString());
        component.setManagedGatewayRestartInitialDelay(100);
        component.setManagedGatewayStopTimeout(5_000);
    }

    @AfterEach
    void tearDown() {
        context.stop();
    }

    @Test
    void exchangesCompleteAcrossACrashOfTheGatewayWhichIsRestartedAndStoppedWithTheContext() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(200));
                from("direct:ask").to("openclaw:agent?runTimeout=6000&streamTo=mock:chunks");
            }
        });
        context.start();
        ManagedGatewayStatus started = component().managedGatewayStatus();
        assertThat(started.state()).isEqualTo(ManagedGatewayState.RUNNING);
        HealthCheck.Result up = check();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails())
                .containsEntry(OpenClawManagedGatewayHealthCheck.STATE, "RUNNING")
                .containsEntry(OpenClawManagedGatewayHealthCheck.RESTARTS, 0)
                .containsEntry(OpenClawManagedGatewayHealthCheck.PID, started.pid());
        MockEndpoint chunks = context.getEndpoint("mock:chunks", MockEndpoint.class);
        chunks.expectedMinimumMessageCount(1);

        ProducerTemplate template = context.createProducerTemplate();
        List<CompletableFuture<Exchange>> inFlight = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String session = "agent:main:managed-" + i;
            inFlight.add(template.asyncSend("direct:ask", e -> {
                e.getMessage().setBody("SLOW please");
                e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
            }));
        }
        chunks.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        ProcessHandle.of(started.pid()).orElseThrow().destroyForcibly();

        for (CompletableFuture<Exchange> future : inFlight) {
            Exchange done = future.get(90, TimeUnit.SECONDS);
            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getBody(String.class))
                    .startsWith("SLOW-ECHO part00")
                    .endsWith("part49.");
        }
        ManagedGatewayStatus restarted = component().managedGatewayStatus();
        assertThat(restarted.state()).isEqualTo(ManagedGatewayState.RUNNING);
        assertThat(restarted.pid()).isNotEqualTo(started.pid());
        assertThat(check().getDetails())
                .containsEntry(OpenClawManagedGatewayHealthCheck.RESTARTS, 1)
                .containsEntry(OpenClawManagedGatewayHealthCheck.LAST_EXIT_CODE, 137);
        assertThat(template.requestBodyAndHeader(
                        "direct:ask", "after", OpenClawConstants.SESSION_KEY, "agent:main:managed-after", String.class))
                .isEqualTo("ECHO: after");

        context.stop();

        assertThat(FakeGateway.isAlive(restarted.pid())).isFalse();
        assertThat(registry.checks()).doesNotContainKey(OpenClawManagedGatewayHealthCheck.ID);
        assertThat(probe()).isEqualTo(GatewayProbe.Result.NOT_LISTENING);
    }

    @Test
    void theContextDoesNotStartWhenTheGatewayCannotAndNothingIsLeftRunning() throws Exception {
        fake.mode("exit");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").to("openclaw:agent");
            }
        });

        assertThatThrownBy(context::start).satisfies(e -> {
            assertThat(rootCause(e))
                    .isInstanceOf(GatewayStartException.class)
                    .hasMessageContaining("exited with code 3")
                    .hasMessageNotContaining(TOKEN);
            assertThat(e).hasMessageNotContaining(TOKEN);
        });
        assertThat(fake.started()).isEqualTo(1);
        assertThat(probe()).isEqualTo(GatewayProbe.Result.NOT_LISTENING);
    }

    @Test
    void aGatewayAlreadyRunningIsUsedAndLeftRunning() throws Exception {
        try (TestGateway running =
                TestGateway.builder().token(TOKEN).port(port).build().start()) {
            context.start();

            HealthCheck.Result result = check();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getDetails())
                    .containsEntry(OpenClawManagedGatewayHealthCheck.STATE, "REUSED")
                    .doesNotContainKey(OpenClawManagedGatewayHealthCheck.PID);
            assertThat(context.createProducerTemplate()
                            .requestBodyAndHeader(
                                    "openclaw:agent",
                                    "hi",
                                    OpenClawConstants.SESSION_KEY,
                                    "agent:main:reused",
                                    String.class))
                    .isEqualTo("ECHO: hi");

            context.stop();

            assertThat(fake.started()).isZero();
            assertThat(probe()).isEqualTo(GatewayProbe.Result.ANSWERING);
        }
    }

    @Test
    void theOptionsBecomeTheManagedGatewaysWithTheConnectionsCredentialsAndTheirEnvironmentFallback() {
        OpenClawComponent component = component();
        component.setCamelContext(context);
        component.getConfiguration().setToken(null);
        component.getConfiguration().setGatewayUrl(null);
        component.setEnvironment(name -> switch (name) {
            case "OPENCLAW_GATEWAY_URL" -> "ws://localhost:" + port;
            case "OPENCLAW_GATEWAY_TOKEN" -> "token-from-env";
            default -> null;
        });
        PropertyBindingSupport.build() // as Camel Main binds camel.component.openclaw.* properties
                .withConfigurer(PluginHelper.getConfigurerResolver(context)
                        .resolvePropertyConfigurer("openclaw-component", context))
                .bind(
                        context,
                        component,
                        new HashMap<>(Map.of(
                                "managedGatewayVersion", "2026.9.6",
                                "managedGatewayCacheDir", dir.resolve("cache").toString(),
                                "managedGatewayStateDir", dir.resolve("state").toString(),
                                "managedGatewayEnvironment[MODEL_API_KEY]", "k-1",
                                "managedGatewayStartupTimeout", "90s",
                                "managedGatewayRestartMaxDelay", "1m",
                                "managedGatewayHealthCheckInterval", "0")));

        ManagedGatewayOptions options = ManagedGatewayService.options(component);

        assertThat(options.url()).isEqualTo(URI.create("ws://localhost:" + port));
        assertThat(options.token()).isEqualTo("token-from-env");
        assertThat(options.installation()).hasValueSatisfying(installation -> {
            assertThat(installation.version()).hasToString("2026.9.6");
            assertThat(installation.cacheDir()).isEqualTo(dir.resolve("cache"));
        });
        assertThat(options.stateDir()).contains(dir.resolve("state"));
        assertThat(options.environment()).containsExactly(Map.entry("MODEL_API_KEY", "k-1"));
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.restartInitialDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(options.restartMaxDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.healthCheckInterval()).isZero();
        assertThat(options.toString()).doesNotContain("token-from-env");
    }

    @Test
    void aRemoteGatewayUrlIsRefused() {
        component().getConfiguration().setGatewayUrl("wss://gateway.example.com:443");

        assertThatThrownBy(context::start)
                .satisfies(e -> assertThat(rootCause(e))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("must be ws://"));
    }

    private OpenClawComponent component() {
        return context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
    }

    private HealthCheck.Result check() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals(OpenClawManagedGatewayHealthCheck.ID))
                .findFirst()
                .orElseThrow();
    }

    private GatewayProbe.Result probe() {
        return GatewayProbe.probe(URI.create("ws://127.0.0.1:" + port), Duration.ofSeconds(5))
                .join();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
