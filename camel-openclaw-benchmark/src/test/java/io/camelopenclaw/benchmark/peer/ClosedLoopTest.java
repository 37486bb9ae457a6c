package io.camelopenclaw.benchmark.peer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClosedLoopTest {

    private final ExecutorService gateway = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        gateway.shutdownNow();
    }

    @Test
    void eachSessionRunsEveryCthRunOneAfterTheOther() throws Exception {
        int sessions = 4;
        List<List<Integer>> runsBySession = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            runsBySession.add(Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicInteger inFlight = new AtomicInteger();
        ConcurrentHashMap<Integer, Boolean> sessionBusy = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        ClosedLoop loop = new ClosedLoop(
                (session, run) -> {
                    if (sessionBusy.put(session, true) != null) {
                        overlaps.incrementAndGet();
                    }
                    runsBySession.get(session).add(run);
                    inFlight.incrementAndGet();
                    return CompletableFuture.supplyAsync(
                            () -> {
                                inFlight.decrementAndGet();
                                sessionBusy.remove(session);
                                return PeerWorkload.expectedReply(session, run);
                            },
                            gateway);
                },
                sessions,
                22);

        assertThat(loop.run(10, TimeUnit.SECONDS)).isTrue();

        assertThat(runsBySession.get(0)).containsExactly(0, 4, 8, 12, 16, 20);
        assertThat(runsBySession.get(1)).containsExactly(1, 5, 9, 13, 17, 21);
        assertThat(runsBySession.get(2)).containsExactly(2, 6, 10, 14, 18);
        assertThat(runsBySession.get(3)).containsExactly(3, 7, 11, 15, 19);
        assertThat(overlaps).hasValue(0);
        assertThat(loop.errors()).isZero();
        assertThat(loop.sortedLatencies()).hasSize(22).doesNotContain(0L);
    }

    @Test
    void countsWrongRepliesAndFailedRunsAsErrors() throws Exception {
        ClosedLoop loop = new ClosedLoop(
                (session, run) -> switch (run) {
                    case 3 -> CompletableFuture.completedFuture("ECHO: something else");
                    case 5 -> CompletableFuture.failedFuture(new IllegalStateException("run failed"));
                    case 7 -> throw new IllegalStateException("could not start");
                    case 8 -> CompletableFuture.completedFuture(null);
                    default -> CompletableFuture.supplyAsync(() -> PeerWorkload.expectedReply(session, run), gateway);
                },
                2,
                10);

        assertThat(loop.run(10, TimeUnit.SECONDS)).isTrue();

        assertThat(loop.errors()).isEqualTo(4);
    }

    @Test
    void runsThatCompleteAtOnceLoopInsteadOfRecursing() throws Exception {
        ClosedLoop loop = new ClosedLoop(
                (session, run) -> CompletableFuture.completedFuture(PeerWorkload.expectedReply(session, run)),
                1,
                200_000);

        assertThat(loop.run(30, TimeUnit.SECONDS)).isTrue(); // a recursion per run would overflow the stack

        assertThat(loop.errors()).isZero();
    }

    @Test
    void reportsARunThatNeverEnds() throws Exception {
        ClosedLoop loop = new ClosedLoop(
                (session, run) -> run == 1
                        ? new CompletableFuture<>()
                        : CompletableFuture.completedFuture(PeerWorkload.expectedReply(session, run)),
                2,
                4);

        assertThat(loop.run(200, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void usesNoMoreSessionsThanRuns() throws Exception {
        List<Integer> sessions = Collections.synchronizedList(new ArrayList<>());
        ClosedLoop loop = new ClosedLoop(
                (session, run) -> {
                    sessions.add(session);
                    return CompletableFuture.completedFuture(PeerWorkload.expectedReply(session, run));
                },
                256,
                3);

        assertThat(loop.run(10, TimeUnit.SECONDS)).isTrue();

        assertThat(sessions).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new ClosedLoop((s, r) -> null, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClosedLoop((s, r) -> null, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
