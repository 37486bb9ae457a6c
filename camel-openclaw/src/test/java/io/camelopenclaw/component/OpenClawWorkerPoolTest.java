package io.camelopenclaw.component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker pool queues completions while every worker is busy: runs that end meanwhile wait for a worker instead of
 * being refused (which made the hand-off start a thread of its own per completion).
 */
class OpenClawWorkerPoolTest extends OpenClawTestSupport {

    private final Set<String> continuedOn = ConcurrentHashMap.newKeySet();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class).setWorkerPoolSize(1);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow").to("openclaw:agent").process(e -> {
                    continuedOn.add(Thread.currentThread().getName());
                    Thread.sleep(100); // the only worker is busy while the other runs end
                });
            }
        };
    }

    @Test
    void runsEndingWhileTheOnlyWorkerIsBusyWaitForIt() throws Exception {
        List<CompletableFuture<Exchange>> replies = IntStream.range(0, 6)
                .mapToObj(i -> template.asyncSend("direct:slow", e -> {
                    e.getMessage().setBody("run " + i);
                    e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, "agent:main:pool-" + i);
                }))
                .toList();

        for (CompletableFuture<Exchange> reply : replies) {
            Exchange e = reply.get(10, TimeUnit.SECONDS);
            assertThat(e.getException()).isNull();
            assertThat(e.getMessage().getBody(String.class)).startsWith("ECHO: run ");
        }
        assertThat(continuedOn).hasSize(1).allSatisfy(name -> assertThat(name).endsWith("OpenClaw"));
    }

    @Test
    void theWorkerPoolQueuesTasksBeyondItsThreads() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        List<CompletableFuture<Void>> ran = IntStream.range(0, 5)
                .mapToObj(i -> new CompletableFuture<Void>())
                .toList();
        for (CompletableFuture<Void> r : ran) {
            component().workerPool().execute(() -> {
                release.join();
                r.complete(null);
            });
        }
        release.complete(null);

        CompletableFuture.allOf(ran.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    }
}
