package io.camelopenclaw.component.kamelet;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets shipped in the jar ({@code classpath:kamelets/openclaw-*.kamelet.yaml}), loaded by camel-kamelet and
 * the YAML DSL, against an in-process gateway. Every connection setting comes from the Kamelet properties: the
 * component itself is not configured.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenClawKameletTest extends CamelTestSupport {

    /** URI-special characters, so the test shows the token reaches the gateway unchanged. */
    static final String TOKEN = "kamelet+token&=x";

    static TestGateway gw;

    @BeforeAll
    static void startGateway() {
        gw = TestGateway.builder().token(TOKEN).build().start();
    }

    @AfterAll
    static void stopGateway() {
        gw.close();
    }

    private static String connection() {
        return "gatewayUrl=" + gw.url() + "&token=RAW(" + TOKEN + ")";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask")
                        .to("kamelet:openclaw-sink?" + connection() + "&sessionKey=agent:main:kamelet&runTimeout=30s");

                from("kamelet:openclaw-source?" + connection() + "&events=chat&states=final"
                                + "&sessionKey=agent:main:watched*")
                        .routeId("source")
                        .to("mock:events");
            }
        };
    }

    @Test
    void sinkReturnsTheAgentsReply() {
        Exchange reply = template.request("direct:ask", e -> e.getMessage().setBody("hello Kamelet"));

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: hello Kamelet");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("ok");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo("agent:main:kamelet");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class))
                .isNotBlank();
    }

    @Test
    void sinkFailsTheExchangeOfAFailedRun() {
        Exchange reply = template.request("direct:ask", e -> e.getMessage().setBody("FAIL:refusal please"));

        assertThat(reply.getException()).isNotNull();
        assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("error");
    }

    @Test
    void sourceEmitsTheEventsOfARun() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        // a run in a watched session, started by another route (and connection); one in another session is filtered
        template.requestBodyAndHeader(
                "openclaw:agent?" + connection(), "not watched", OpenClawConstants.SESSION_KEY, "agent:main:elsewhere");
        Exchange run = template.request("openclaw:agent?" + connection(), e -> {
            e.getMessage().setBody("watch this");
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, "agent:main:watched-1");
        });
        assertThat(run.getException()).isNull();

        events.assertIsSatisfied(10_000);
        Exchange event = events.getReceivedExchanges().get(0);
        assertThat(event.getMessage().getHeader(OpenClawConstants.EVENT)).isEqualTo("chat");
        assertThat(event.getMessage().getHeader(OpenClawConstants.STATE)).isEqualTo("final");
        assertThat(event.getMessage().getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo("agent:main:watched-1");
        assertThat(event.getMessage().getHeader(OpenClawConstants.RUN_ID))
                .isEqualTo(run.getMessage().getHeader(OpenClawConstants.RUN_ID));
        // payloadFormat defaults to json in the Kamelet: the body is JSON text holding the final message
        String body = event.getMessage().getBody(String.class);
        assertThat(event.getMessage().getBody()).isInstanceOf(String.class);
        assertThat(body).contains("\"state\":\"final\"").contains("ECHO: watch this");
    }

    @Test
    void sourceBodyCanBeAMap() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:openclaw-source?" + connection() + "&events=chat&states=final&payloadFormat=map"
                                + "&sessionKey=agent:main:maps")
                        .to("mock:maps");
            }
        });
        MockEndpoint maps = getMockEndpoint("mock:maps");
        maps.expectedMessageCount(1);

        template.requestBodyAndHeader(
                "openclaw:agent?" + connection(), "as a map", OpenClawConstants.SESSION_KEY, "agent:main:maps");

        maps.assertIsSatisfied(10_000);
        assertThat(maps.getReceivedExchanges().get(0).getMessage().getBody()).isInstanceOf(Map.class);
    }
}
