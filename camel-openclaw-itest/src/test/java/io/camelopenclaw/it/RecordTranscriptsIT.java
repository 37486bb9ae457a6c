package io.camelopenclaw.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.auth.DeviceIdentity;
import io.camelopenclaw.test.infra.RealGateway;
import io.camelopenclaw.test.infra.RealGateways;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records transcripts of real-gateway behaviour that the in-process test gateway must reproduce (silent replies,
 * repeated idempotency keys, model errors, history while a run is in flight, sessions.list pages). Not a test: it runs
 * only with {@code -Dopenclaw.record.dir=<folder>} and writes one {@code <gateway>/<scenario>.jsonl} per scenario
 * there, in the format of the shared transcripts ({@code {n, ts, tMs, dir, conn, frame}}). Copy the results into
 * {@code camel-openclaw-test-gateway/src/test/resources/transcripts/}.
 *
 * <pre>
 * mvn -B verify -Preal-gateway -pl camel-openclaw-itest -am -Dit.test=RecordTranscriptsIT -Dopenclaw.record.dir=$PWD/target/recorded
 * </pre>
 */
@EnabledIfSystemProperty(named = RecordTranscriptsIT.DIR_PROPERTY, matches = ".+")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RecordTranscriptsIT {

    static final String DIR_PROPERTY = "openclaw.record.dir";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TRAILING = Duration.ofSeconds(3);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String PREFIX =
            "agent:main:rec-" + UUID.randomUUID().toString().substring(0, 6) + "-";

    private static RealGateway gateway(String name) {
        return "v3".equals(name) ? RealGateways.v3() : RealGateways.v4();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void silentChatSend(String name) throws Exception {
        try (Recording rec = new Recording(gateway(name), "silent-chat-send")) {
            String session = PREFIX + name + "-silent";
            String key = rec.chatSend(session, "SILENT please", null);
            rec.awaitChatTerminal(key);
            rec.socket.drain(TRAILING);
            rec.socket.request(
                    "agent.wait", JSON.createObjectNode().put("runId", key).put("timeoutMs", 1000));
            rec.history(session);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void silentAgent(String name) throws Exception {
        try (Recording rec = new Recording(gateway(name), "silent-agent")) {
            String session = PREFIX + name + "-silent-agent";
            String key = UUID.randomUUID().toString();
            rec.agent(session, "SILENT please", key);
            rec.socket.drain(TRAILING);
            rec.history(session);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void repeatedKeyChatSend(String name) throws Exception {
        try (Recording rec = new Recording(gateway(name), "repeat-key-chat-send")) {
            String session = PREFIX + name + "-repeat";
            rec.meta("same key and message again at once when the final event arrives, and 1 s later");
            String done = rec.chatSend(session, "hello repeat", null);
            rec.awaitChatTerminal(done);
            rec.chatSend(session, "hello repeat", done);
            rec.socket.drain(Duration.ofSeconds(1));
            rec.chatSend(session, "hello repeat", done);
            rec.socket.drain(TRAILING);
            rec.socket.request(
                    "agent.wait", JSON.createObjectNode().put("runId", done).put("timeoutMs", 1000));

            rec.meta("run in flight, same key again; then aborted, same key again");
            String slow = rec.chatSend(session, "SLOW repeat", null);
            rec.awaitDelta(slow);
            rec.chatSend(session, "SLOW repeat", slow);
            rec.socket.send(
                    "chat.abort",
                    JSON.createObjectNode().put("sessionKey", session).put("runId", slow));
            rec.awaitChatTerminal(slow);
            rec.socket.drain(Duration.ofSeconds(1));
            rec.chatSend(session, "SLOW repeat", slow);
            rec.socket.drain(TRAILING);
            rec.socket.request(
                    "agent.wait", JSON.createObjectNode().put("runId", slow).put("timeoutMs", 1000));

            rec.meta("failed run (model error), same key again");
            String failed = rec.chatSend(session, "MODELERROR repeat", null);
            rec.awaitChatTerminal(failed);
            rec.socket.drain(Duration.ofSeconds(1));
            rec.chatSend(session, "MODELERROR repeat", failed);
            rec.socket.drain(TRAILING);
            rec.socket.request(
                    "agent.wait", JSON.createObjectNode().put("runId", failed).put("timeoutMs", 1000));
            rec.history(session);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void repeatedKeyAgent(String name) throws Exception {
        try (Recording rec = new Recording(gateway(name), "repeat-key-agent")) {
            String session = PREFIX + name + "-repeat-agent";
            rec.meta("finished run, same key and message again");
            String key = UUID.randomUUID().toString();
            rec.agent(session, "hello agent repeat", key);
            rec.socket.drain(Duration.ofSeconds(1));
            String again = rec.socket.send("agent", rec.agentParams(session, "hello agent repeat", key));
            rec.socket.awaitResponse(again);
            rec.socket.drain(TRAILING);

            rec.meta("aborted run, same key again");
            String slow = UUID.randomUUID().toString();
            String first = rec.socket.send("agent", rec.agentParams(session, "SLOW agent repeat", slow));
            rec.awaitDelta(slow);
            rec.socket.send(
                    "chat.abort",
                    JSON.createObjectNode().put("sessionKey", session).put("runId", slow));
            rec.awaitFinalResponse(first);
            rec.socket.drain(Duration.ofSeconds(1));
            String retry = rec.socket.send("agent", rec.agentParams(session, "SLOW agent repeat", slow));
            rec.socket.awaitResponse(retry);
            rec.socket.drain(TRAILING);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void historyWhileInFlight(String name) throws Exception {
        RealGateway gw = gateway(name);
        String session = PREFIX + name + "-inflight";
        String key;
        try (Recording rec = new Recording(gw, "history-in-flight")) {
            key = rec.chatSend(session, "SLOW history", null);
            rec.awaitDelta(key);
            rec.history(session);
        }
        try (Recording rec = new Recording(gw, "history-in-flight-reconnect")) {
            rec.history(session);
            rec.socket.drain(Duration.ofSeconds(2));
            rec.socket.request(
                    "agent.wait", JSON.createObjectNode().put("runId", key).put("timeoutMs", 1000));
            rec.socket.send(
                    "chat.abort",
                    JSON.createObjectNode().put("sessionKey", session).put("runId", key));
            rec.socket.drain(TRAILING);
            rec.history(session);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void abortAfterReconnect(String name) throws Exception {
        RealGateway gw = gateway(name);
        DeviceIdentity device = DeviceIdentity.generate();
        String session = PREFIX + name + "-abort-reconnect";
        String key;
        try (Recording rec = new Recording(gw, "abort-after-reconnect", device, false)) {
            rec.meta("connection 1 (device D) starts a slow run, then closes");
            key = rec.chatSend(session, "SLOW abort after reconnect", null);
            rec.awaitDelta(key);
        }
        try (Recording rec = new Recording(gw, "abort-after-reconnect", DeviceIdentity.generate(), true)) {
            rec.meta("connection 2, another device: chat.abort of that run");
            rec.socket.request(
                    "chat.abort",
                    JSON.createObjectNode().put("sessionKey", session).put("runId", key));
        }
        try (Recording rec = new Recording(gw, "abort-after-reconnect", device, true)) {
            rec.meta("connection 3, device D again: chat.abort of that run");
            rec.socket.send(
                    "chat.abort",
                    JSON.createObjectNode().put("sessionKey", session).put("runId", key));
            rec.awaitChatTerminal(key);
            rec.socket.drain(TRAILING);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void sessionsListPages(String name) throws Exception {
        try (Recording rec = new Recording(gateway(name), "sessions-list")) {
            rec.meta("three sessions with one finished run each, then sessions.list in pages of two");
            for (int i = 1; i <= 3; i++) {
                rec.awaitChatTerminal(rec.chatSend(PREFIX + name + "-list-" + i, "hello list " + i, null));
            }
            rec.socket.drain(Duration.ofSeconds(1));
            JsonNode first =
                    rec.socket.request("sessions.list", JSON.createObjectNode().put("limit", 2));
            JsonNode next = first.path("payload").path("nextOffset");
            rec.socket.request(
                    "sessions.list",
                    JSON.createObjectNode().put("limit", 2).put("offset", next.isNumber() ? next.asInt() : 2));
            rec.meta("no limit: the gateway's default page");
            rec.socket.request("sessions.list", JSON.createObjectNode());
        }
    }

    /** One scenario's connection and transcript file. */
    private static final class Recording implements AutoCloseable {

        private final Writer out;
        private final long startNanos = System.nanoTime();
        private final RawGatewaySocket socket;
        private int n;

        Recording(RealGateway gw, String scenario) throws Exception {
            this(gw, scenario, DeviceIdentity.generate(), false);
        }

        /** A connection signed by {@code device} (which may be {@code null}), appending to the file if asked. */
        Recording(RealGateway gw, String scenario, DeviceIdentity device, boolean append) throws Exception {
            Path file = Paths.get(System.getProperty(DIR_PROPERTY))
                    .resolve(gw.name())
                    .resolve(scenario + ".jsonl");
            Files.createDirectories(file.getParent());
            out = append
                    ? Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)
                    : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            meta(JSON.createObjectNode()
                    .put("event", "dial")
                    .put("url", gw.url().toString())
                    .put("gateway", "openclaw@" + gw.version())
                    .put("device", device == null ? "none" : device.deviceId()));
            socket = RawGatewaySocket.open(gw.url(), this::write);
            JsonNode hello = socket.connect(gw.token(), device);
            if (!hello.path("ok").asBoolean()) {
                throw new IllegalStateException("connect refused: " + hello);
            }
        }

        void meta(String note) {
            meta(JSON.createObjectNode().put("event", "note").put("note", note));
        }

        private void meta(ObjectNode meta) {
            ObjectNode line = entry("meta");
            line.setAll(meta);
            append(line);
        }

        private synchronized void write(String direction, JsonNode frame) {
            ObjectNode line = entry(direction);
            line.set("frame", frame);
            append(line);
        }

        private synchronized ObjectNode entry(String direction) {
            return JSON.createObjectNode()
                    .put("n", n++)
                    .put("ts", Instant.now().toString())
                    .put("tMs", (System.nanoTime() - startNanos) / 1_000_000)
                    .put("dir", direction)
                    .put("conn", "main");
        }

        private synchronized void append(ObjectNode line) {
            try {
                out.write(line.toString());
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Sends {@code chat.send} (with {@code key}, or a fresh one) and waits for its answer; returns the key. */
        String chatSend(String session, String message, String key) throws InterruptedException {
            String runId = key != null ? key : UUID.randomUUID().toString();
            socket.request(
                    "chat.send",
                    JSON.createObjectNode()
                            .put("sessionKey", session)
                            .put("message", message)
                            .put("idempotencyKey", runId));
            return runId;
        }

        ObjectNode agentParams(String session, String message, String key) {
            return JSON.createObjectNode()
                    .put("sessionKey", session)
                    .put("message", message)
                    .put("idempotencyKey", key);
        }

        /** Runs the {@code agent} method to its final answer. */
        void agent(String session, String message, String key) throws InterruptedException {
            awaitFinalResponse(socket.send("agent", agentParams(session, message, key)));
        }

        void awaitFinalResponse(String requestId) throws InterruptedException {
            socket.await(
                    f -> "res".equals(f.path("type").asText())
                            && requestId.equals(f.path("id").asText())
                            && !"accepted"
                                    .equals(f.path("payload").path("status").asText()),
                    RUN);
        }

        void awaitChatTerminal(String runId) throws InterruptedException {
            socket.await(
                    chat(runId, state -> state.equals("final") || state.equals("aborted") || state.equals("error")),
                    RUN);
        }

        void awaitDelta(String runId) throws InterruptedException {
            socket.await(chat(runId, "delta"::equals), RUN);
        }

        private static Predicate<JsonNode> chat(String runId, Predicate<String> state) {
            return f -> "chat".equals(f.path("event").asText())
                    && runId.equals(f.path("payload").path("runId").asText())
                    && state.test(f.path("payload").path("state").asText());
        }

        void history(String session) throws InterruptedException {
            socket.request(
                    "chat.history",
                    JSON.createObjectNode().put("sessionKey", session).put("limit", 20));
        }

        @Override
        public void close() throws IOException {
            socket.close();
            out.close();
        }
    }
}
