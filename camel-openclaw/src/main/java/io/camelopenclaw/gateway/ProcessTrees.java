package io.camelopenclaw.gateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Ends a process together with the processes it started. */
final class ProcessTrees {

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final Duration DESCENDANT_GRACE = Duration.ofSeconds(2);

    private ProcessTrees() {}

    /**
     * Sends SIGTERM to {@code root}, waits up to {@code grace} for it to exit, then SIGKILLs it; afterwards
     * terminates whatever of its descendants (as seen before the signal) is still alive the same way.
     */
    static void terminate(ProcessHandle root, Duration grace) {
        List<ProcessHandle> descendants = descendantsOf(root);
        root.destroy();
        if (!awaitExit(root, grace)) {
            root.destroyForcibly();
            awaitExit(root, KILL_WAIT);
        }
        for (ProcessHandle descendant : descendants) {
            descendant.destroy();
        }
        for (ProcessHandle descendant : descendants) {
            if (!awaitExit(descendant, DESCENDANT_GRACE)) {
                descendant.destroyForcibly();
                awaitExit(descendant, KILL_WAIT);
            }
        }
    }

    /** SIGKILLs {@code root} and its descendants at once. */
    static void kill(ProcessHandle root) {
        List<ProcessHandle> descendants = descendantsOf(root);
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        awaitExit(root, KILL_WAIT);
        descendants.forEach(descendant -> awaitExit(descendant, KILL_WAIT));
    }

    private static List<ProcessHandle> descendantsOf(ProcessHandle root) {
        return root.descendants().collect(Collectors.toList());
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
