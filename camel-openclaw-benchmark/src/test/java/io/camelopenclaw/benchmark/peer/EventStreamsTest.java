package io.camelopenclaw.benchmark.peer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStreamsTest {

    private static final int CHUNKS = 5;

    /** One thread, like the client's event thread and the consumer's single thread. */
    private final ExecutorService gateway = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        gateway.shutdownNow();
    }

    /** What fakegw emits for one run: lifecycle start, CHUNKS x (agent, chat delta), lifecycle end, chat final. */
    private void emitRun(EventStreams streams) {
        gateway.execute(() -> {
            streams.onEvent("agent", null, false);
            for (int i = 0; i < CHUNKS; i++) {
                streams.onEvent("agent", null, false);
                streams.onEvent("chat", "delta", false);
            }
            streams.onEvent("tick", null, false); // not counted
            streams.onEvent("agent", null, false);
            streams.onEvent("chat", "final", false);
        });
    }

    @Test
    void keepsStreamsRunsInFlightAndCountsEveryEventOfEveryRun() throws Exception {
        EventStreams streams = new EventStreams(3, CHUNKS);
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        streams.sendWith((stream, run) -> {
            sent.add(stream + "/" + run);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            gateway.execute(inFlight::decrementAndGet);
            emitRun(streams);
        });

        EventStreams.Phase phase = streams.run(10, 10, TimeUnit.SECONDS);

        assertThat(phase).isEqualTo(new EventStreams.Phase(10, 10 * (2 * CHUNKS + 3), 10 * (2 * CHUNKS + 3), 0, 0));
        assertThat(phase.errors()).isZero();
        assertThat(sent)
                .containsExactlyInAnyOrder("0/0", "1/1", "2/2", "0/3", "1/4", "2/5", "0/6", "1/7", "2/8", "0/9");
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void eachPhaseCountsItsOwnEvents() throws Exception {
        EventStreams streams = new EventStreams(2, CHUNKS);
        streams.sendWith((stream, run) -> emitRun(streams));

        streams.run(5, 10, TimeUnit.SECONDS);
        EventStreams.Phase second = streams.run(4, 10, TimeUnit.SECONDS);

        assertThat(second.events()).isEqualTo(4 * (2 * CHUNKS + 3));
        assertThat(second.errors()).isZero();
    }

    @Test
    void countsGapsMissingEventsAndRunsThatDidNotStartAsErrors() throws Exception {
        EventStreams streams = new EventStreams(2, CHUNKS);
        streams.sendWith((stream, run) -> {
            if (run == 1) {
                gateway.execute(() -> streams.onRunFailed(new IllegalStateException("refused")));
            } else if (run == 2) {
                gateway.execute(
                        () -> { // two events lost, the next one flagged
                            streams.onEvent("agent", null, true);
                            streams.onEvent("chat", "final", false);
                        });
            } else {
                emitRun(streams);
            }
        });

        EventStreams.Phase phase = streams.run(4, 10, TimeUnit.SECONDS);

        assertThat(phase.failedRuns()).isEqualTo(1);
        assertThat(phase.gaps()).isEqualTo(1);
        assertThat(phase.expectedEvents()).isEqualTo(3 * (2 * CHUNKS + 3));
        assertThat(phase.events()).isEqualTo(2 * (2 * CHUNKS + 3) + 2);
        assertThat(phase.errors()).isEqualTo((2 * CHUNKS + 3 - 2) + 1 + 1);
    }

    @Test
    void aLostFinalEventStopsItsStreamAndThePhaseTimesOut() throws Exception {
        EventStreams streams = new EventStreams(1, CHUNKS);
        streams.sendWith((stream, run) -> gateway.execute(() -> streams.onEvent("agent", null, false)));

        assertThat(streams.run(2, 200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void messagesAreTheOfficialScriptsAndRejectsNonsense() {
        assertThat(EventStreams.message(2, 17))
                .startsWith("events bench stream 2, run 17: lorem ipsum dolor sit amet ")
                .hasSize("events bench stream 2, run 17: ".length() + 27 * 6);
        assertThat(EventStreams.sessionKey(3)).isEqualTo("agent:main:events-3");
        assertThatThrownBy(() -> new EventStreams(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventStreams(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsTheEventsLine() throws Exception {
        EventStreams.Phase phase = new EventStreams.Phase(100, 20_300, 20_300, 0, 0);
        CpuClock.Window window = new CpuClock.Window(100_000_000L, 150_000_000L, 30L);

        JsonNode json = new ObjectMapper().readTree(EventsBench.toJson("java-camel", 4, 100, phase, window, "token"));

        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "client",
                        "streams",
                        "chunks",
                        "runs",
                        "events",
                        "eventsPerSec",
                        "wallMs",
                        "cpuPct",
                        "cpuUsPerEvent",
                        "gwCpuPct",
                        "gwUsPerEvent",
                        "errors",
                        "auth");
        assertThat(json.get("eventsPerSec").asLong()).isEqualTo(203_000);
        assertThat(json.get("cpuPct").asLong()).isEqualTo(150);
        assertThat(json.get("cpuUsPerEvent").asDouble()).isEqualTo(7.39); // 150,000 µs / 20,300
        assertThat(json.get("gwUsPerEvent").asDouble()).isEqualTo(1.48);
        assertThat(json.get("errors").asLong()).isZero();
    }
}
