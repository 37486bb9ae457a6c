package io.camelopenclaw.component;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The events consumer's {@code catchUp}: run ends read from {@code chat.history}, each delivered once. */
class OpenClawCatchUpTest extends OpenClawTestSupport {

    private static TestGateway v3;
    private volatile boolean failNextCaughtUp = true;

    @BeforeAll
    static void startV3Gateway() throws IOException {
        v3 = TestGateway.builder().token(TOKEN).protocol(3).build().start();
    }

    @AfterAll
    static void stopV3Gateway() {
        v3.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("openclaw:events?events=chat&states=final,error&sessionKey=wild-*&catchUp=true")
                        .routeId("wildcard")
                        .autoStartup(false)
                        .to("mock:wildcard");
                from("openclaw:events?events=chat&states=final&sessionKey=paged-*&catchUp=true")
                        .routeId("paged")
                        .autoStartup(false)
                        .to("mock:paged");
                from("openclaw:events?events=chat&states=final&sessionKey=catchup-exact&catchUp=true")
                        .routeId("exact")
                        .autoStartup(false)
                        .to("mock:exact");
                from("openclaw:events?events=chat&states=final&sessionKey=catchup-retry&catchUp=true")
                        .routeId("retry")
                        .autoStartup(false)
                        .process(e -> {
                            if (failNextCaughtUp) {
                                failNextCaughtUp = false;
                                throw new IllegalStateException("processing failed once");
                            }
                        })
                        .to("mock:retry");
                from("openclaw:events?gatewayUrl=" + v3.url()
                                + "&sessionKey=catchup-v3&catchUp=true&bridgeErrorHandler=true")
                        .routeId("v3")
                        .autoStartup(false)
                        .onException(Exception.class)
                        .handled(true)
                        .to("mock:v3-errors")
                        .end()
                        .to("mock:v3");
                from("direct:run").to("openclaw:agent");
            }
        };
    }

    private String run(String session, String text) {
        Exchange reply = template.request("direct:run", e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
        });
        return reply.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class);
    }

    private static List<String> runIds(MockEndpoint mock) {
        return mock.getExchanges().stream()
                .map(e -> e.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class))
                .toList();
    }

    private void restart(String routeId) throws Exception {
        context.getRouteController().stopRoute(routeId);
        context.getRouteController().startRoute(routeId);
    }

    @Test
    void runsThatEndedBeforeTheConsumerStartedAreDeliveredOnceThenLiveOnes() throws Exception {
        String ok = run("wild-1", "before the consumer");
        String failed = run("wild-2", "FAIL:billing");
        run("other-session", "not watched");
        MockEndpoint mock = getMockEndpoint("mock:wildcard");

        context.getRouteController().startRoute("wildcard");
        await().atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() >= 2);

        assertThat(runIds(mock)).containsExactlyInAnyOrder(ok, failed);
        assertThat(mock.getExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(OpenClawConstants.CATCH_UP)).isEqualTo(true);
            assertThat(e.getMessage().getHeader(OpenClawConstants.EVENT)).isEqualTo("chat");
            assertThat(e.getMessage().getHeader(OpenClawConstants.GAP)).isEqualTo(false);
        });
        Exchange reply = mock.getExchanges().stream()
                .filter(e -> ok.equals(e.getMessage().getHeader(OpenClawConstants.RUN_ID)))
                .findFirst()
                .orElseThrow();
        assertThat(reply.getMessage().getHeader(OpenClawConstants.STATE)).isEqualTo("final");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo("agent:main:wild-1");
        assertThat(mapBody(reply)).containsEntry("runId", ok).containsEntry("state", "final");
        assertThat(reply.getMessage().getBody(String.class)).contains("before the consumer");
        Exchange error = mock.getExchanges().stream()
                .filter(e -> failed.equals(e.getMessage().getHeader(OpenClawConstants.RUN_ID)))
                .findFirst()
                .orElseThrow();
        assertThat(error.getMessage().getHeader(OpenClawConstants.STATE)).isEqualTo("error");

        restart("wildcard"); // catches up again: nothing new
        await().atMost(Duration.ofSeconds(5))
                .until(() -> requests("chat.history").size() >= 4);
        String live = run("wild-1", "while the consumer runs");
        await().atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() >= 3);

        assertThat(runIds(mock)).containsExactlyInAnyOrder(ok, failed, live);
        Exchange last = mock.getExchanges().get(2);
        assertThat(last.getMessage().getHeader(OpenClawConstants.RUN_ID)).isEqualTo(live);
        assertThat(last.getMessage().getHeader(OpenClawConstants.CATCH_UP)).isNull();
    }

    @Test
    void aSessionBeyondTheFirstPageOfSessionsListIsCaughtUpToo() throws Exception {
        String old = run("paged-old", "ended before 100 other sessions were updated");
        for (int i = 0; i < 100; i++) { // the gateway lists 100 sessions a page, most recently updated first
            run("filler-" + i, "a newer session");
        }
        MockEndpoint mock = getMockEndpoint("mock:paged");

        context.getRouteController().startRoute("paged");
        await().atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() >= 1);

        assertThat(runIds(mock)).containsExactly(old);
        assertThat(requests("sessions.list"))
                .anySatisfy(r -> assertThat(r.params().path("offset").asInt()).isGreaterThanOrEqualTo(100));
    }

    @Test
    void anExactSessionKeyReadsThatSessionOnlyWithoutListingSessions() throws Exception {
        gw.clearReceivedRequests();
        String ok = run("catchup-exact", "exact");
        MockEndpoint mock = getMockEndpoint("mock:exact");

        context.getRouteController().startRoute("exact");
        await().atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() >= 1);

        assertThat(runIds(mock)).containsExactly(ok);
        assertThat(lastParams("chat.history").get("sessionKey").asText()).isEqualTo("agent:main:catchup-exact");
        assertThat(requests("sessions.list")).isEmpty();
    }

    @Test
    void aRunEndWhoseExchangeFailedIsDeliveredAgainByTheNextCatchUp() throws Exception {
        String ok = run("catchup-retry", "fails once");
        MockEndpoint mock = getMockEndpoint("mock:retry");

        context.getRouteController().startRoute("retry");
        await().atMost(Duration.ofSeconds(5)).until(() -> !failNextCaughtUp);
        restart("retry");
        await().atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() >= 1);

        assertThat(runIds(mock)).containsExactly(ok);
        assertThat(mock.getExchanges().get(0).getMessage().getHeader(OpenClawConstants.CATCH_UP))
                .isEqualTo(true);
    }

    @Test
    void catchUpIsAnOptionOfTheEventsConsumerOnly() {
        OpenClawEndpoint agent = context.getEndpoint("openclaw:agent?catchUp=true", OpenClawEndpoint.class);

        assertThatThrownBy(() -> agent.createConsumer(exchange -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catchUp is an option of openclaw:events only");
    }

    @Test
    void aProtocol3GatewayCannotBeCaughtUpAndSaysWhy() throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:v3-errors");

        context.getRouteController().startRoute("v3");
        await().atMost(Duration.ofSeconds(5)).until(() -> errors.getReceivedCounter() >= 1);

        Exception error = errors.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(error).isInstanceOf(GatewayException.class).hasMessageContaining("carry no run ids");
        assertThat(error.getMessage()).doesNotContain(TOKEN);
    }
}
