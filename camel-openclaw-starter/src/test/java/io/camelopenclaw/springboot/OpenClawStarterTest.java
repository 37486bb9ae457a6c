package io.camelopenclaw.springboot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.run.RunMethod;
import io.camelopenclaw.component.OpenClawComponent;
import io.camelopenclaw.component.OpenClawConfiguration;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.testgateway.ReceivedRequest;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application with the starter, configured only through {@code camel.component.openclaw.*} properties,
 * runs a route {@code direct:} → {@code openclaw:agent} against an in-process gateway.
 */
@SpringBootTest(
        classes = OpenClawStarterTest.Application.class,
        properties = {
            "camel.component.openclaw.session-key=agent:main:spring",
            "camel.component.openclaw.run-timeout=2m",
            "camel.component.openclaw.request-timeout=5s",
            "camel.component.openclaw.reconnect-initial-delay=50",
            "camel.component.openclaw.reconnect-max-delay=200ms",
            "camel.component.openclaw.client-display-name=spring-boot-test",
            "camel.component.openclaw.worker-pool-size=3",
            "camel.component.openclaw.handshake-headers.x-starter=yes",
            // the most talkative logging there is: every frame on the wire, connection settings, Camel's startup
            // summary
            "logging.level.io.camelopenclaw=TRACE",
            "logging.level.io.camelopenclaw.testgateway=INFO",
            "logging.level.org.apache.camel=DEBUG"
        })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenClawStarterTest {

    static final String TOKEN = "spring-secret-token-4711";

    static TestGateway gateway;

    @BeforeAll
    static void startGateway() {
        gateway = TestGateway.builder().token(TOKEN).build().start();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("camel.component.openclaw.gateway-url", () -> gateway.url());
        registry.add("camel.component.openclaw.token", () -> TOKEN);
    }

    @SpringBootApplication
    static class Application {

        @Bean
        RouteBuilder askAgent() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ask").routeId("ask").to("openclaw:agent");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate template;

    @Autowired
    CamelContext camelContext;

    @Autowired
    OpenClawComponentConfiguration properties;

    @Test
    void routeRunsTheAgentOfTheConfiguredGateway() {
        Exchange reply = template.request("direct:ask", e -> e.getMessage().setBody("hello from Spring Boot"));

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: hello from Spring Boot");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("ok");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.SESSION_KEY, String.class))
                .isEqualTo("agent:main:spring");
        List<ReceivedRequest> connects = gateway.receivedRequests().stream()
                .filter(r -> r.method().equals("connect"))
                .toList();
        assertThat(connects)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(
                                c.params().path("client").path("displayName").asText())
                        .isEqualTo("spring-boot-test"));
    }

    @Test
    void propertiesReachTheComponent() {
        OpenClawComponent component = camelContext.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
        OpenClawConfiguration c = component.getConfiguration();

        assertThat(c.getGatewayUrl()).isEqualTo(gateway.url());
        assertThat(c.getToken()).isEqualTo(TOKEN);
        assertThat(c.getSessionKey()).isEqualTo("agent:main:spring");
        assertThat(c.getRunTimeout()).isEqualTo(120_000);
        assertThat(c.getRequestTimeout()).isEqualTo(5_000);
        assertThat(c.getReconnectInitialDelay()).isEqualTo(50);
        assertThat(c.getReconnectMaxDelay()).isEqualTo(200);
        assertThat(c.getClientDisplayName()).isEqualTo("spring-boot-test");
        assertThat(c.getHandshakeHeaders()).containsEntry("x-starter", "yes");
        assertThat(component.getWorkerPoolSize()).isEqualTo(3);
        // options without a property keep the component's own defaults
        assertThat(c.getScopes()).isEqualTo("operator.read,operator.write");
        assertThat(c.getRunMethod()).isEqualTo(RunMethod.CHAT_SEND);
        assertThat(c.getIdleTimeout()).isZero();
        assertThat(c.getConnectTimeout()).isEqualTo(15_000);
        assertThat(c.isSuppressCommandInterpretation()).isTrue();
        assertThat(c.getPassword()).isNull();
    }

    @Test
    void theGatewayConnectionIsAReadinessCheck() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(HealthCheckHelper.invokeReadiness(camelContext))
                        .filteredOn(r ->
                                OpenClawConstants.SCHEME.equals(r.getCheck().getGroup()))
                        .singleElement()
                        .satisfies(r -> {
                            assertThat(r.getCheck().getId()).isEqualTo("openclaw:" + gateway.url() + "#1");
                            assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
                            assertThat(r.getDetails()).containsEntry("openclaw.protocol", 4);
                        }));
    }

    @Test
    void theTokenIsNeitherLoggedNorShown(CapturedOutput output) {
        template.requestBody("direct:ask", "one more turn", String.class);

        assertThat(properties.getToken()).isEqualTo(TOKEN);
        assertThat(properties.toString())
                .doesNotContain(TOKEN)
                .contains("token=xxxxxx")
                .contains("gatewayUrl=" + gateway.url())
                .contains("runTimeout=PT2M");
        assertThat(camelContext.getEndpoints())
                .extracting(Endpoint::toString)
                .allSatisfy(uri -> assertThat(uri).doesNotContain(TOKEN));
        // startup, connection and every frame (the connect frame carries the token) were logged
        assertThat(output.getAll())
                .contains("Connected to OpenClaw gateway")
                .contains("\"method\":\"connect\"")
                .doesNotContain(TOKEN);
    }
}
