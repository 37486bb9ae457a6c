package io.camelopenclaw.testgateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviours recorded on real gateways by {@code RecordTranscriptsIT} (silent turns, repeated idempotency keys,
 * history while a run is in flight, abort after a reconnect, sessions.list pages), checked against the recordings in
 * {@code transcripts/v4} (2026.9.6) and {@code transcripts/v3} (2026.3.13).
 */
class RecordedBehaviourTest extends GatewayTestSupport {

    private static final Predicate<JsonNode> RUN_FRAMES = f -> Transcripts.runEvent(f) || isResponse(f);

    @ParameterizedTest
    @ValueSource(strings = {"chat-send", "agent"})
    void silentTurnOnProtocol4EndsAsRecorded(String method) {
        List<JsonNode> recorded = Transcripts.received("v4/silent-" + method + ".jsonl");
        GatewayClient client = client(gateway());

        String id = startRun(client, method, "agent:main:silent", "SILENT please", "silent-1");
        JsonNode lifecycleError = client.await(f -> "agent lifecycle error".equals(Transcripts.label(f)));
        JsonNode lastChat = client.await(f -> "chat error".equals(Transcripts.label(f)));
        if ("agent".equals(method)) {
            client.await(f -> id.equals(f.path("id").asText()) && "error".equals(status(f)));
        }

        List<JsonNode> ours = from(client, id);
        List<JsonNode> real = recorded.subList(indexOfFirstResponseAfterHello(recorded), recorded.size());
        Predicate<JsonNode> compared = RUN_FRAMES.and(
                f -> !isHistoryOrWait(f) && !f.at("/payload/result").isObject());
        assertThat(Transcripts.shapes(ours, compared)).isEqualTo(Transcripts.shapes(real, compared));
        if ("agent".equals(method)) {
            JsonNode ourFinal = ours.get(ours.size() - 1).get("payload");
            JsonNode realFinal = Transcripts.responses("v4/silent-agent.jsonl", "agent")
                    .get(1)
                    .get("payload");
            assertThat(fieldNames(ourFinal)).isEqualTo(fieldNames(realFinal));
            assertThat(Transcripts.shape(ourFinal.at("/result/payloads")))
                    .isEqualTo(Transcripts.shape(realFinal.at("/result/payloads")));
            assertThat(ourFinal.at("/result/meta/error/kind").asText()).isEqualTo("incomplete_turn");
        }
        assertThat(lifecycleError.at("/payload/data/terminalReply/disposition").asText())
                .isEqualTo("silent");
        assertThat(lastChat.at("/payload/errorMessage").asText()).isEqualTo(RunEndEvents.SILENT_ERROR);
        JsonNode waited =
                client.call("agent.wait", object().put("runId", "silent-1").put("timeoutMs", 100));
        JsonNode realWait =
                Transcripts.responses("v4/silent-chat-send.jsonl", "agent.wait").get(0);
        assertThat(Transcripts.shape(waited)).isEqualTo(Transcripts.shape(realWait));
    }

    @Test
    void silentTurnOnProtocol3IsAFinalWithoutMessage() {
        List<JsonNode> recorded = Transcripts.received("v3/silent-chat-send.jsonl");
        GatewayClient client = signedClient(gateway(b -> b.protocol(3)));

        String id = client.send("chat.send", chatSend("agent:main:silent", "SILENT please", "silent-3"));
        JsonNode end = client.awaitChatEnd("silent-3");

        assertThat(Transcripts.shapes(from(client, id), RUN_FRAMES))
                .isEqualTo(Transcripts.shapes(
                        recorded.subList(indexOfFirstResponseAfterHello(recorded), recorded.size()),
                        RUN_FRAMES.and(f -> !isHistoryOrWait(f))));
        assertThat(end.get("payload").has("message")).isFalse();
    }

    @Test
    void protocol3AnswersAKeyRepeatedRightAfterTheFinalWithInFlightThenOk() {
        GatewayClient client = signedClient(gateway(b -> b.protocol(3).settleDelay(Duration.ofMillis(300))));
        client.send("chat.send", chatSend("agent:main:r", "hello repeat", "rep-1"));
        client.awaitChatEnd("rep-1");

        JsonNode atOnce = client.call("chat.send", chatSend("agent:main:r", "hello repeat", "rep-1"));
        JsonNode waited =
                client.call("agent.wait", object().put("runId", "rep-1").put("timeoutMs", 5000));
        JsonNode later = client.call("chat.send", chatSend("agent:main:r", "hello repeat", "rep-1"));

        assertThat(atOnce.get("payload"))
                .isEqualTo(object().put("runId", "rep-1").put("status", "in_flight"));
        assertThat(waited.get("payload").get("status").asText()).isEqualTo("ok");
        assertThat(later.get("payload"))
                .isEqualTo(object().put("runId", "rep-1").put("status", "ok"));
        assertThat(client.received().stream()
                        .filter(GatewayTestSupport.ofRun("rep-1"))
                        .filter(f -> "final".equals(f.at("/payload/state").asText())))
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void aKeyRepeatedAfterAnAbortIsAnsweredAsRecorded(int protocol) {
        GatewayClient client = signedClient(gateway(b -> b.protocol(protocol).settleDelay(Duration.ZERO)));
        client.send("chat.send", chatSend("agent:main:r", "HANG", "abort-1"));
        client.await(f -> "agent lifecycle start".equals(Transcripts.label(f)));
        client.call("chat.abort", object().put("sessionKey", "agent:main:r").put("runId", "abort-1"));
        client.awaitChatEnd("abort-1");

        JsonNode again = client.call("chat.send", chatSend("agent:main:r", "HANG", "abort-1"));
        JsonNode waited =
                client.call("agent.wait", object().put("runId", "abort-1").put("timeoutMs", 100));

        String resource = "v" + protocol + "/repeat-key-chat-send.jsonl";
        List<JsonNode> realReplays = Transcripts.responses(resource, "chat.send");
        JsonNode realAfterAbort = realReplays.get(5).get("payload");
        assertThat(fieldNames(again.get("payload"))).isEqualTo(fieldNames(realAfterAbort));
        assertThat(again.at("/payload/status").asText())
                .isEqualTo(realAfterAbort.get("status").asText());
        JsonNode realWait = Transcripts.responses(resource, "agent.wait").get(1).get("payload");
        assertThat(fieldNames(waited.get("payload"))).isEqualTo(fieldNames(realWait));
        assertThat(waited.at("/payload/status").asText())
                .isEqualTo(realWait.get("status").asText());
    }

    @Test
    void protocol4ReplaysAFailedRunAsAnUnavailableErrorWithItsPayload() {
        GatewayClient client = client(gateway());
        client.send("chat.send", chatSend("agent:main:f", "FAIL:unknown", "fail-1"));
        client.awaitChatEnd("fail-1");

        JsonNode again = client.call("chat.send", chatSend("agent:main:f", "FAIL:unknown", "fail-1"));

        JsonNode real = Transcripts.responses("v4/repeat-key-chat-send.jsonl", "chat.send").stream()
                .filter(f -> !f.path("ok").asBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(Transcripts.shape(again)).isEqualTo(Transcripts.shape(real));
        assertThat(again.at("/error/code").asText()).isEqualTo("UNAVAILABLE");
        assertThat(again.at("/payload/status").asText()).isEqualTo("error");
    }

    @Test
    void historyShowsTheRunInFlightOnProtocol4() {
        GatewayClient client = client(gateway());
        client.send("chat.send", chatSend("agent:main:h", "SLOW history", "slow-h"));
        client.await(f -> "chat delta".equals(Transcripts.label(f)));

        JsonNode history = client.call("chat.history", object().put("sessionKey", "agent:main:h"));
        client.call("chat.abort", object().put("sessionKey", "agent:main:h").put("runId", "slow-h"));

        JsonNode inFlight = history.at("/payload/inFlightRun");
        JsonNode real = Transcripts.responses("v4/history-in-flight.jsonl", "chat.history")
                .get(0)
                .at("/payload/inFlightRun");
        assertThat(Transcripts.shape(inFlight)).isEqualTo(Transcripts.shape(real));
        assertThat(inFlight.get("runId").asText()).isEqualTo("slow-h");
        assertThat(inFlight.get("text").asText()).startsWith("SLOW-ECHO part00");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void onlyTheStartingDeviceAbortsARunAfterItsConnectionClosed(int protocol) {
        TestGateway gw = gateway(b -> b.protocol(protocol));
        Connects.Device device = new Connects.Device();
        GatewayClient first = signedClient(gw, device);
        first.send("chat.send", chatSend("agent:main:a", "HANG", "owned"));
        first.await(f -> "agent lifecycle start".equals(Transcripts.label(f)));
        first.close();

        JsonNode stranger = signedClient(gw, new Connects.Device())
                .call("chat.abort", object().put("sessionKey", "agent:main:a").put("runId", "owned"));
        JsonNode owner = signedClient(gw, device)
                .call("chat.abort", object().put("sessionKey", "agent:main:a").put("runId", "owned"));

        assertThat(stranger.at("/error/message").asText()).isEqualTo("unauthorized");
        assertThat(owner.at("/payload/aborted").asBoolean()).isTrue();
    }

    @Test
    void deltasCarryTheSnapshotOnlyOnTheFirstWhenConfigured() {
        GatewayClient client = client(gateway(b -> b.deltaSnapshotsOnFirstOnly(true)));
        client.send("chat.send", chatSend("agent:main:d", "CHUNKS:5", "d-1"));
        client.awaitChatEnd("d-1");

        List<JsonNode> deltas = client.received().stream()
                .filter(GatewayTestSupport.ofRun("d-1"))
                .filter(f -> "chat delta".equals(Transcripts.label(f)))
                .toList();
        assertThat(deltas).hasSizeGreaterThan(2);
        assertThat(deltas.get(0).get("payload").has("message")).isTrue();
        assertThat(deltas.subList(1, deltas.size()))
                .allMatch(f ->
                        !f.get("payload").has("message") && f.get("payload").has("deltaText"));
    }

    /** A client without admin scope (so the owner rule applies), signed by {@code device}. */
    private GatewayClient signedClient(TestGateway gw, Connects.Device device) {
        return signedClient(
                gw,
                device,
                Connects.scopes(
                        Connects.params(gw.protocol(), gw.protocol(), "gateway-client", "backend"),
                        "operator.read",
                        "operator.write"));
    }

    private static String startRun(GatewayClient client, String method, String session, String message, String key) {
        return client.send("chat-send".equals(method) ? "chat.send" : "agent", chatSend(session, message, key));
    }

    private static List<JsonNode> from(GatewayClient client, String id) {
        List<JsonNode> all = client.received();
        for (int i = 0; i < all.size(); i++) {
            if (id.equals(all.get(i).path("id").asText())) {
                return all.subList(i, all.size());
            }
        }
        throw new AssertionError("no response to " + id);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 3})
    void sessionsListPagesAsRecorded(int protocol) {
        List<JsonNode> real = Transcripts.responses("v" + protocol + "/sessions-list.jsonl", "sessions.list");
        GatewayClient client = signedClient(gateway(b -> b.protocol(protocol)));
        for (int i = 1; i <= 3; i++) {
            client.send("chat.send", chatSend("agent:main:list-" + i, "hello list " + i, "list-" + i));
            client.awaitChatEnd("list-" + i);
        }

        List<JsonNode> ours = List.of(
                client.call("sessions.list", object().put("limit", 2)),
                client.call("sessions.list", object().put("limit", 2).put("offset", 2)),
                client.call("sessions.list", object()));

        assertThat(ours).hasSameSizeAs(real);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(pageOf(ours.get(i))).as("answer %d", i).isEqualTo(pageOf(real.get(i)));
            assertThat(fieldNames(ours.get(i).path("payload")))
                    .as("answer %d", i)
                    .isEqualTo(fieldNames(real.get(i).path("payload")));
        }
    }

    /**
     * A {@code sessions.list} answer without what differs between gateways and runs: no id, time, store path or
     * defaults, and each session row as the number its key ends with.
     */
    private static JsonNode pageOf(JsonNode response) {
        ObjectNode page = response.deepCopy();
        page.remove("id");
        if (page.get("payload") instanceof ObjectNode payload) {
            payload.remove(List.of("ts", "path", "defaults"));
            ArrayNode rows = payload.putArray("sessions");
            response.at("/payload/sessions").forEach(row -> {
                String key = row.path("key").asText();
                rows.add(key.substring(key.lastIndexOf('-') + 1));
            });
        }
        return page;
    }

    private static int indexOfFirstResponseAfterHello(List<JsonNode> recorded) {
        for (int i = 1; i < recorded.size(); i++) {
            if (isResponse(recorded.get(i))
                    && !"hello-ok".equals(recorded.get(i).at("/payload/type").asText())) {
                return i;
            }
        }
        throw new AssertionError("no response after hello-ok");
    }

    private static boolean isResponse(JsonNode frame) {
        return "res".equals(frame.path("type").asText());
    }

    private static boolean isHistoryOrWait(JsonNode frame) {
        return isResponse(frame)
                && (frame.at("/payload/messages").isArray()
                        || frame.at("/payload/endedAt").isNumber()
                                && !frame.at("/payload/result").isObject());
    }

    private static String status(JsonNode frame) {
        return frame.at("/payload/status").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
