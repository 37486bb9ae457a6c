package io.camelopenclaw.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output (stdout and stderr) of a gateway process: read line by line on one daemon thread per process, logged
 * through the logger {@code io.camelopenclaw.gateway.GatewayOutput} at INFO, and the last lines kept for error
 * messages. Every secret is replaced by {@code <redacted>} before a line is logged or kept.
 */
final class GatewayOutput {

    static final int TAIL_LINES = 40;
    static final String REDACTED = "<redacted>";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayOutput.class);

    private final String name;
    private final List<String> secrets;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private GatewayOutput(String name, Collection<String> secrets) {
        this.name = name;
        this.secrets = secrets.stream()
                .filter(Objects::nonNull)
                .filter(secret -> !secret.isEmpty())
                .toList();
    }

    /** Starts reading {@code output} until it ends (the process exits). */
    static GatewayOutput pump(String name, InputStream output, Collection<String> secrets) {
        GatewayOutput gatewayOutput = new GatewayOutput(name, secrets);
        Thread reader = new Thread(() -> gatewayOutput.read(output), name + "-output");
        reader.setDaemon(true);
        reader.start();
        return gatewayOutput;
    }

    /** Completes once the output has ended (the process and whatever inherited its output are gone). */
    CompletableFuture<Void> finished() {
        return finished;
    }

    /** The last lines read, secrets redacted, one per line. */
    synchronized String tail() {
        return tail.isEmpty() ? "(no output)" : String.join(System.lineSeparator(), tail);
    }

    String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    private void read(InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String redacted = redact(line);
                LOG.info("[{}] {}", name, redacted);
                keep(redacted);
            }
        } catch (IOException e) {
            LOG.debug("[{}] output closed: {}", name, e.toString());
        } finally {
            finished.complete(null);
        }
    }

    private synchronized void keep(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }
}
