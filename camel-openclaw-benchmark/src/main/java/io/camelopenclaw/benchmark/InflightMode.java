package io.camelopenclaw.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

import static io.camelopenclaw.benchmark.Report.section;

/**
 * The in-flight mode: {@code n} runs of the {@code HANG} agent (which never answers) held in flight at once, each in
 * its own session; measures the heap per in-flight run (used heap after full GCs, without vs. with the runs), the
 * threads and the classes that hold the heap, then aborts them all through the producer's abort operation.
 */
final class InflightMode {

    private static final String SESSION_PREFIX = "agent:main:hang-";

    private final AsyncProducer producer;
    private final Endpoint direct;
    private final TestGateway gateway;
    private final int n;

    InflightMode(AsyncProducer producer, TestGateway gateway, int n) {
        this.producer = producer;
        this.direct = producer.getEndpoint();
        this.gateway = gateway;
        this.n = n;
    }

    /** Runs the mode, prints what it measured and returns its line of the summary. */
    String run() throws Exception {
        section("In flight: " + n + " HANG runs (distinct sessions) held at once, then aborted");
        long idleHeap = JvmProbe.usedHeapAfterGc();
        int idleThreads = JvmProbe.threadCount();
        Map<String, JvmProbe.ClassCount> before = JvmProbe.classHistogram();
        JvmProbe.resetPeakThreadCount();

        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        CountDownLatch ended = new CountDownLatch(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Exchange exchange = direct.createExchange();
            exchange.getMessage().setBody("bench HANG");
            exchange.getMessage().setHeader(OpenClawConstants.SESSION_KEY, SESSION_PREFIX + i);
            producer.process(exchange, sync -> {
                Throwable error = exchange.getException();
                outcomes.merge(error == null ? "ok" : error.getClass().getSimpleName(), 1, Integer::sum);
                ended.countDown();
            });
        }
        long submitted = System.nanoTime();
        int started = awaitStarted();
        long accepted = System.nanoTime();
        Thread.sleep(1_000); // let the chat.send answers and first events arrive
        System.out.printf(
                Locale.ROOT,
                "submitted %,d exchanges in %.0f ms; the gateway had started %,d runs after"
                        + " %.0f ms; still running (not completed): %,d%n",
                n,
                (submitted - t0) / 1e6,
                started,
                (accepted - t0) / 1e6,
                ended.getCount());
        long loadedHeap = JvmProbe.usedHeapAfterGc();
        int loadedThreads = JvmProbe.threadCount();
        Map<String, JvmProbe.ClassCount> during = JvmProbe.classHistogram();
        long perRun = (loadedHeap - idleHeap) / n;
        System.out.printf(
                Locale.ROOT,
                "used heap after GC: idle %.1f MB, with %,d runs in flight %.1f MB (max heap %d MB)"
                        + " → %,d B per in-flight run (client, Camel and gateway in this JVM)%n",
                idleHeap / 1048576.0,
                n,
                loadedHeap / 1048576.0,
                JvmProbe.maxHeap() >> 20,
                perRun);
        System.out.printf(
                "threads: idle %d, with %,d runs in flight %d (peak %d); by role %s%n",
                idleThreads, n, loadedThreads, JvmProbe.peakThreadCount(), JvmProbe.threadsByRole());
        Map<String, Long> byOwner = histogramByOwner(before, during);
        String ownerText = byOwner.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d B", e.getKey(), e.getValue() / n))
                .collect(Collectors.joining(", "));
        System.out.println("per in-flight run by owner of the class: " + ownerText);

        abortAll(ended, outcomes, idleHeap);
        return String.format(
                Locale.ROOT,
                "In flight: %,d runs: %,d B heap per run (%.1f MB total over idle,"
                        + " max heap %d MB), threads %d idle → %d in flight; by owner: %s",
                n,
                perRun,
                (loadedHeap - idleHeap) / 1048576.0,
                JvmProbe.maxHeap() >> 20,
                idleThreads,
                loadedThreads,
                ownerText);
    }

    /** The runs the gateway started, once all have started or after 120 s. */
    private int awaitStarted() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        int started = 0;
        while (System.currentTimeMillis() < deadline) {
            started = (int) gateway.sessions().keys().stream()
                    .filter(k -> k.startsWith(SESSION_PREFIX))
                    .count();
            if (started >= n) {
                break;
            }
            Thread.sleep(20);
        }
        return started;
    }

    /** Aborts every run through the abort operation, waits until they ended and prints what is left. */
    private void abortAll(CountDownLatch ended, Map<String, Integer> outcomes, long idleHeap)
            throws InterruptedException {
        long a0 = System.nanoTime();
        CountDownLatch aborts = new CountDownLatch(n);
        AtomicInteger abortFailures = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            Exchange abort = direct.createExchange();
            abort.getMessage().setHeader(OpenClawConstants.OPERATION, "abort");
            abort.getMessage().setHeader(OpenClawConstants.SESSION_KEY, SESSION_PREFIX + i);
            producer.process(abort, sync -> {
                if (abort.getException() != null) {
                    abortFailures.incrementAndGet();
                }
                aborts.countDown();
            });
        }
        boolean allAborted = aborts.await(2, TimeUnit.MINUTES) & ended.await(2, TimeUnit.MINUTES);
        long a1 = System.nanoTime();
        long afterHeap = JvmProbe.usedHeapAfterGc();
        System.out.printf(
                Locale.ROOT,
                "aborted all through the abort operation in %.0f ms (%s); abort exchanges failed: %d;"
                        + " run outcomes %s%n",
                (a1 - a0) / 1e6,
                allAborted ? "all ended" : "NOT ALL ENDED",
                abortFailures.get(),
                outcomes);
        System.out.printf(
                Locale.ROOT,
                "used heap after GC once they ended: %.1f MB (idle before: %.1f MB; the gateway"
                        + " keeps up to 10,000 finished runs for its idempotency cache and the"
                        + " sessions' transcripts); threads %d%n",
                afterHeap / 1048576.0,
                idleHeap / 1048576.0,
                JvmProbe.threadCount());
    }

    /** Bytes the in-flight runs added, by owner; prints the classes that grew most. */
    private Map<String, Long> histogramByOwner(
            Map<String, JvmProbe.ClassCount> before, Map<String, JvmProbe.ClassCount> during) {
        Map<String, Long> byOwner = new LinkedHashMap<>();
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        during.forEach((cls, count) -> {
            JvmProbe.ClassCount b = before.getOrDefault(cls, new JvmProbe.ClassCount(0, 0));
            long bytes = count.bytes() - b.bytes();
            long instances = count.instances() - b.instances();
            byOwner.merge(JvmProbe.owner(cls), bytes, Long::sum);
            grown.add(Map.entry(cls, new long[] {instances, bytes}));
        });
        grown.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        System.out.println("classes that grew most (per in-flight run: instances, bytes):");
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(20, grown.size()))) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-90s %6.2f × %,7d B  [%s]%n",
                    e.getKey(),
                    e.getValue()[0] / (double) n,
                    e.getValue()[1] / n,
                    JvmProbe.owner(e.getKey()));
        }
        return byOwner;
    }
}
