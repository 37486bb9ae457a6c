package io.camelopenclaw.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.error.GatewayProtocolException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class OpenClawEventsConsumerTest extends OpenClawTestSupport {

    private final Set<String> concurrentThreads = ConcurrentHashMap.newKeySet();
    private final CountDownLatch slowExchangeStarted = new CountDownLatch(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                CyclicBarrier bothAtOnce = new CyclicBarrier(2);
                from("openclaw:events?sessionKey=agent:main:events-a").to("mock:a");
                from("openclaw:events?sessionKey=events-*&events=chat&states=final,error")
                        .to("mock:finals");
                from("openclaw:events?runId=events-run&streams=lifecycle,thinking")
                        .to("mock:run");
                from("openclaw:events?events=tick&payloadFormat=json").to("mock:ticks");
                from("openclaw:events?events=tick&bridgeErrorHandler=true")
                        .onException(Exception.class)
                        .handled(true)
                        .to("mock:errors")
                        .end()
                        .to("mock:bridged");
                from("openclaw:events?sessionKey=agent:main:overflow&queueCapacity=2")
                        .delay(50)
                        .to("mock:overflow");
                from("openclaw:events?sessionKey=agent:main:parallel&events=chat&states=delta&concurrentConsumers=2")
                        .process(e -> {
                            concurrentThreads.add(Thread.currentThread().getName());
                            bothAtOnce.await(5, TimeUnit.SECONDS);
                        })
                        .to("mock:parallel");
                from("openclaw:events?events=sessions.changed").to("mock:sessions");
                from("openclaw:events?sessionKey=agent:main:stopping&events=chat&states=final")
                        .routeId("slow")
                        .process(e -> {
                            slowExchangeStarted.countDown();
                            Thread.sleep(500);
                        })
                        .to("mock:slow");
                from("direct:run").to("openclaw:agent");
            }
        };
    }

    private Exchange run(String session, String text, String key) {
        return template.request("direct:run", e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
            if (key != null) {
                e.getMessage().setHeader(OpenClawConstants.IDEMPOTENCY_KEY, key);
            }
        });
    }

    @Test
    void eventsOfTheSessionArriveWithTheirHeadersAndAMapBody() throws Exception {
        Exchange reply = run("agent:main:events-a", "hello events", null);
        run("agent:main:events-b", "elsewhere", null);
        MockEndpoint a = getMockEndpoint("mock:a");

        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> a.getExchanges().stream()
                        .anyMatch(e -> "final".equals(e.getMessage().getHeader(OpenClawConstants.STATE))));

        String runId = reply.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class);
        List<Exchange> events = a.getExchanges();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo("agent:main:events-a");
            assertThat(e.getMessage().getHeader(OpenClawConstants.RUN_ID)).isEqualTo(runId);
            assertThat(e.getMessage().getHeader(OpenClawConstants.EVENT)).isIn("agent", "chat");
            assertThat(e.getMessage().getHeader(OpenClawConstants.CONNECTION_SEQ, Long.class))
                    .isPositive();
            assertThat(e.getMessage().getBody()).isInstanceOf(Map.class);
        });
        Exchange lifecycle = events.stream()
                .filter(e -> "lifecycle".equals(e.getMessage().getHeader(OpenClawConstants.STREAM)))
                .findFirst()
                .orElseThrow();
        assertThat(lifecycle.getMessage().getHeader(OpenClawConstants.EVENT)).isEqualTo("agent");
        assertThat(lifecycle.getMessage().getHeader(OpenClawConstants.AGENT_ID)).isEqualTo("main");
        assertThat(lifecycle.getMessage().getHeader(OpenClawConstants.GAP)).isEqualTo(false);
        Exchange chatFinal = events.get(events.size() - 1);
        assertThat(chatFinal.getMessage().getHeader(OpenClawConstants.EVENT)).isEqualTo("chat");
        assertThat(chatFinal.getMessage().getHeader(OpenClawConstants.STATE)).isEqualTo("final");
        assertThat(mapBody(chatFinal)).containsEntry("runId", runId);
        List<Long> seqs = events.stream()
                .map(e -> e.getMessage().getHeader(OpenClawConstants.CONNECTION_SEQ, Long.class))
                .toList();
        assertThat(seqs).isSorted();
    }

    @Test
    void eventNameStateAndWildcardSessionFilters() {
        run("agent:main:events-x", "one", null);
        run("agent:main:events-y", "FAIL:refusal", null);
        run("agent:main:other", "not me", null);
        MockEndpoint finals = getMockEndpoint("mock:finals");

        await().atMost(5, TimeUnit.SECONDS).until(() -> finals.getReceivedCounter() >= 2);

        assertThat(finals.getExchanges())
                .extracting(e -> e.getMessage().getHeader(OpenClawConstants.SESSION_KEY))
                .containsExactlyInAnyOrder("agent:main:events-x", "agent:main:events-y");
        assertThat(finals.getExchanges())
                .extracting(e -> e.getMessage().getHeader(OpenClawConstants.STATE))
                .containsExactlyInAnyOrder("final", "error");
    }

    @Test
    void runIdAndStreamFilters() {
        run("agent:main:events-run", "THINK about it", "events-run");
        run("agent:main:events-run", "THINK again", null);
        MockEndpoint runEvents = getMockEndpoint("mock:run");

        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> runEvents.getExchanges().stream()
                        .anyMatch(e -> "final".equals(e.getMessage().getHeader(OpenClawConstants.STATE))));

        assertThat(runEvents.getExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(OpenClawConstants.RUN_ID)).isEqualTo("events-run");
            if ("agent".equals(e.getMessage().getHeader(OpenClawConstants.EVENT))) {
                assertThat(e.getMessage().getHeader(OpenClawConstants.STREAM)).isIn("lifecycle", "thinking");
            }
        });
        assertThat(runEvents.getExchanges())
                .anyMatch(e -> "thinking".equals(e.getMessage().getHeader(OpenClawConstants.STREAM)));
    }

    @Test
    void jsonPayloadsOnRequestAndTheGapHeader() {
        MockEndpoint ticks = getMockEndpoint("mock:ticks");
        await().atMost(5, TimeUnit.SECONDS).until(() -> ticks.getReceivedCounter() >= 1);

        gw.faults().skipSeq(3);

        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> ticks.getExchanges().stream()
                        .anyMatch(e -> e.getMessage().getHeader(OpenClawConstants.GAP, Boolean.class)));
        Exchange tick = ticks.getExchanges().get(0);
        assertThat(tick.getMessage().getBody()).isInstanceOf(String.class);
        assertThat(tick.getMessage().getBody(String.class)).startsWith("{\"ts\":");
        assertThat(tick.getMessage().getHeader(OpenClawConstants.EVENT)).isEqualTo("tick");
        assertThat(tick.getMessage().getHeader(OpenClawConstants.GAP)).isEqualTo(false);
    }

    @Test
    void connectionErrorsGoToTheErrorHandlerWithBridgeErrorHandler() {
        MockEndpoint errors = getMockEndpoint("mock:errors");
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> getMockEndpoint("mock:bridged").getReceivedCounter() >= 1);

        gw.faults().sendMalformedFrame();

        await().atMost(5, TimeUnit.SECONDS).until(() -> errors.getReceivedCounter() >= 1);
        Exception caught = errors.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(caught).isInstanceOf(GatewayProtocolException.class).hasMessageContaining("Malformed");
    }

    @Test
    void aFullQueueDropsEventsAndFlagsTheGap() {
        Exchange burst = run("agent:main:overflow", "CHUNKS:40", null);
        MockEndpoint overflow = getMockEndpoint("mock:overflow");
        await().during(Duration.ofMillis(300))
                .atMost(10, TimeUnit.SECONDS)
                .until(overflow::getReceivedCounter, n -> n > 0); // the queue has drained

        Exchange after = run("agent:main:overflow", "after the burst", null);

        assertThat(burst.getMessage().getHeader(OpenClawConstants.CHUNK_COUNT, Integer.class))
                .isEqualTo(40);
        String afterRunId = after.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class);
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> overflow.getExchanges().stream()
                        .anyMatch(e -> afterRunId.equals(e.getMessage().getHeader(OpenClawConstants.RUN_ID))));
        // the first event delivered after the drops says so: a later event of the burst, or else the next run's first
        List<Exchange> received = overflow.getExchanges();
        assertThat(received).anyMatch(e -> e.getMessage().getHeader(OpenClawConstants.GAP, Boolean.class));
        assertThat(received.stream()
                        .filter(e -> e.getMessage()
                                .getHeader(OpenClawConstants.RUN_ID)
                                .equals(burst.getMessage().getHeader(OpenClawConstants.RUN_ID)))
                        .count())
                .isLessThan(80); // 40 chat deltas and 40 assistant events, at least, were sent
    }

    @Test
    void concurrentConsumersProcessEventsInParallel() {
        run("agent:main:parallel", "CHUNKS:4", null);

        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> getMockEndpoint("mock:parallel").getReceivedCounter() >= 2);
        assertThat(concurrentThreads).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void stoppingTheConsumerLetsTheExchangeInProcessFinish() throws Exception {
        run("agent:main:stopping", "stop me gently", null);
        assertThat(slowExchangeStarted.await(5, TimeUnit.SECONDS)).isTrue();

        context.getRouteController().stopRoute("slow");

        MockEndpoint slow = getMockEndpoint("mock:slow");
        assertThat(slow.getReceivedCounter()).isEqualTo(1);
        assertThat(slow.getExchanges().get(0).getException()).isNull();
    }

    @Test
    void subscriptionsAreRenewedAfterAReconnect() {
        String firstConnection = await().atMost(5, TimeUnit.SECONDS).until(this::connectionId, id -> id != null);
        await().atMost(5, TimeUnit.SECONDS).until(() -> subscribedOn(firstConnection));

        gw.faults().dropConnections();

        String secondConnection = await().atMost(5, TimeUnit.SECONDS)
                .until(this::connectionId, id -> id != null && !id.equals(firstConnection));
        await().atMost(5, TimeUnit.SECONDS).until(() -> subscribedOn(secondConnection));
    }

    private String connectionId() {
        OpenClawComponent component = context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
        var client =
                component.connections().connections().values().iterator().next().client();
        return client.info() == null ? null : client.info().connId();
    }

    private static boolean subscribedOn(String connId) {
        return requests("sessions.subscribe").stream().anyMatch(r -> r.connId().equals(connId));
    }

    @Test
    void sessionMessageEventsNeedAnExactSessionKey() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("openclaw:events?events=session.message&sessionKey=agent:main:*")
                                .to("mock:never");
                    }
                }))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause()
                .hasMessageContaining("exact sessionKey");
    }
}
