package io.camelopenclaw.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.camelopenclaw.component.OpenClawComponent;
import io.camelopenclaw.component.OpenClawConfiguration;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.examples.support.AgentReplies;
import io.camelopenclaw.examples.support.ExampleGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.component.mock.InterceptSendToMockEndpointStrategy;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The Spring Boot application on a random port against the test gateway, configured by its
 * {@code application.properties} plus the gateway's URL and token; HTTP requests as any client sends them. The
 * events route's {@code log:} endpoint is mocked as well to see what reaches it. Plain Spring Boot test support:
 * Camel's Spring test library (camel-test-spring-junit6) is not in the Maven repository this build uses.
 */
@SpringBootTest(classes = SpringBootExample.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SpringBootExampleTest.MockLogEndpoints.class)
class SpringBootExampleTest {

    private static final ExampleGateway GATEWAY = ExampleGateway.embedded();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @EndpointInject("mock:log:openclaw.audit")
    MockEndpoint audit;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GATEWAY.componentProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.close();
    }

    /** Sends to {@code log:openclaw.*} also reach a {@code mock:log:openclaw.*} endpoint, before any route starts. */
    @TestConfiguration
    static class MockLogEndpoints {

        @Bean
        CamelContextConfiguration mockLogEndpoints() {
            return new CamelContextConfiguration() {
                @Override
                public void beforeApplicationStart(CamelContext camelContext) {
                    camelContext
                            .getCamelContextExtension()
                            .registerEndpointCallback(new InterceptSendToMockEndpointStrategy("log:openclaw.*"));
                }

                @Override
                public void afterApplicationStart(CamelContext camelContext) {
                    // nothing to do once the routes run
                }
            };
        }
    }

    @Test
    void applicationPropertiesConfigureTheComponent() {
        OpenClawConfiguration configuration =
                camel.getComponent("openclaw", OpenClawComponent.class).getConfiguration();
        assertThat(configuration.getGatewayUrl()).isEqualTo(GATEWAY.url());
        assertThat(configuration.getToken()).isEqualTo(GATEWAY.token());
        assertThat(configuration.getClientDisplayName()).isEqualTo("camel-openclaw Spring Boot example");
        assertThat(configuration.getRunTimeout()).isEqualTo(120_000);
        assertThat(configuration.getIdleTimeout()).isEqualTo(60_000);
        assertThat(configuration.getRequestTimeout()).isEqualTo(10_000);
    }

    @Test
    void askAnswersInTheSessionOfTheConversationAndTheChatFinalIsLogged() throws Exception {
        HttpResponse<String> response = ask("hello from HTTP", Map.of(AgentRoutes.CONVERSATION, "Ticket-9"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ECHO: hello from HTTP");
        assertThat(response.headers().firstValue(AgentReplies.SESSION_KEY)).hasValue("agent:main:web:ticket-9");
        assertThat(response.headers().firstValue(AgentReplies.STATUS)).hasValue("ok");
        String runId = response.headers().firstValue(AgentReplies.RUN_ID).orElseThrow();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(audit.getReceivedExchanges())
                        .extracting(
                                e -> e.getMessage().getHeader(OpenClawConstants.RUN_ID),
                                e -> e.getMessage().getHeader(OpenClawConstants.STATE))
                        .contains(tuple(runId, "final")));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyJoinsTheSameRun() throws Exception {
        Map<String, String> headers = Map.of(AgentRoutes.CONVERSATION, "retry", AgentRoutes.IDEMPOTENCY_KEY, "req-1");

        HttpResponse<String> first = ask("pay once", headers);
        HttpResponse<String> retry = ask("pay once", headers);

        assertThat(retry.body()).isEqualTo(first.body()).isEqualTo("ECHO: pay once");
        assertThat(retry.headers().firstValue(AgentReplies.RUN_ID))
                .hasValue("web:req-1")
                .isEqualTo(first.headers().firstValue(AgentReplies.RUN_ID));
        assertThat(GATEWAY.userMessages("agent:main:web:retry")).isEqualTo(1);
    }

    @Test
    void aFailedRunAnswers502() throws Exception {
        HttpResponse<String> response = ask("FAIL:timeout", Map.of());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("The agent could not answer (error, timeout): LLM request timed out.");
        assertThat(response.headers().firstValue(AgentReplies.SESSION_KEY)).hasValue("agent:main:web:default");
        assertThat(response.headers().firstValue(AgentReplies.ERROR_KIND)).hasValue("timeout");
    }

    private HttpResponse<String> ask(String message, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ask"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(message));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
