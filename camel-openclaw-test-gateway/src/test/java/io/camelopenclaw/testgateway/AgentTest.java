package io.camelopenclaw.testgateway;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static io.camelopenclaw.testgateway.HandshakeTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

/** The two-phase {@code agent} method and {@code agent.wait}. */
class AgentTest extends GatewayTestSupport {

    @Test
    void agentAnswersTwiceWithTheRecordedStreamInBetween() {
        List<JsonNode> recorded = Transcripts.received("v4/agent.jsonl");
        GatewayClient client = client(gateway());
        client.send("chat.send", chatSend("agent:main:probe-1", "first run", "warm-up"));
        client.awaitChatEnd("warm-up");

        String id = client.send("agent", agent("agent:main:probe-1", "hello again", "agent-run"));
        JsonNode last = client.await(f -> id.equals(f.path("id").asText())
                && "ok".equals(f.path("payload").path("status").asText()));

        List<JsonNode> ours = ChatSendTest.from(client, id);
        JsonNode realFinal = recorded.get(recorded.size() - 1);
        List<JsonNode> realStream = recorded.subList(2, recorded.size() - 1).stream()
                .filter(f -> !"task".equals(f.path("event").asText()))
                .toList();
        assertThat(Transcripts.shapes(ours.subList(0, ours.size() - 1), f -> true))
                .isEqualTo(Transcripts.shapes(realStream, f -> true));
        assertThat(ours.get(0).get("payload").get("status").asText()).isEqualTo("accepted");
        assertThat(ours.get(ours.size() - 1)).isSameAs(last);

        JsonNode result = last.get("payload");
        assertThat(fieldNames(result)).isEqualTo(fieldNames(realFinal.get("payload")));
        assertThat(result.get("result").get("payloads"))
                .isEqualTo(GatewayClient.JSON
                        .createArrayNode()
                        .add(object().put("text", "ECHO: hello again").putNull("mediaUrl")));
        assertSubsequence(
                result.get("result").get("meta"),
                realFinal.get("payload").get("result").get("meta"));
        JsonNode agentMeta = result.get("result").get("meta").get("agentMeta");
        assertSubsequence(
                agentMeta, realFinal.get("payload").get("result").get("meta").get("agentMeta"));
        assertThat(fieldNames(agentMeta.get("usage")))
                .containsExactly("input", "output", "cacheRead", "cacheWrite", "total");
        assertThat(agentMeta.get("provider").asText()).isEqualTo("stub");
        assertThat(agentMeta.get("model").asText()).isEqualTo("stub-echo");
    }

    @Test
    void taskEventsHaveTheRecordedShapes() {
        List<JsonNode> recordedTasks = Transcripts.received("v4/agent.jsonl").stream()
                .filter(f -> "task".equals(f.path("event").asText()))
                .toList();
        GatewayClient client = client(gateway());

        String id = client.send("agent", agent("agent:main:tasks", "hello", "task-run"));
        client.await(f -> id.equals(f.path("id").asText())
                && "ok".equals(f.path("payload").path("status").asText()));

        List<JsonNode> tasks = client.received().stream()
                .filter(f -> "task".equals(f.path("event").asText()))
                .toList();
        assertThat(tasks)
                .extracting(t -> t.get("payload").get("task").get("status").asText())
                .containsExactly("running", "running", "completed");
        assertThat(Transcripts.shape(tasks.get(0))).isEqualTo(Transcripts.shape(recordedTasks.get(0)));
        assertThat(Transcripts.shape(tasks.get(2)))
                .isEqualTo(Transcripts.shape(recordedTasks.get(recordedTasks.size() - 1)));
    }

    @Test
    void repeatedAgentKeyIsInFlightThenTheCachedResult() {
        GatewayClient client = client(gateway(b -> b.slowChunkDelay(Duration.ofMillis(10))));
        ObjectNode params = agent("agent:main:a", "SLOW please", "agent-key");

        String first = client.send("agent", params);
        JsonNode duplicate = client.call("agent", params);
        JsonNode result = client.await(f -> first.equals(f.path("id").asText())
                && "ok".equals(f.path("payload").path("status").asText()));
        JsonNode replay = client.call("agent", params);

        assertThat(duplicate.get("payload"))
                .isEqualTo(object().put("runId", "agent-key").put("status", "in_flight"));
        assertThat(replay.get("payload")).isEqualTo(result.get("payload"));
    }

    @Test
    void agentWithoutSessionKeyUsesTheMainSessionAndResetCommandsNeedAdmin() {
        TestGateway gw = gateway();
        GatewayClient writer = client(gw, Connects.scopes(Connects.backend(), "operator.write"));

        JsonNode accepted = writer.call("agent", object().put("message", "hi").put("idempotencyKey", "m"));
        JsonNode reset = writer.call("agent", object().put("message", "/reset").put("idempotencyKey", "r"));

        assertThat(accepted.get("payload").get("sessionKey").asText()).isEqualTo("agent:main:main");
        assertThat(error(reset).get("details").get("missingScope").asText()).isEqualTo("operator.admin");
    }

    @Test
    void waitReturnsTheTerminalReplyOfAFinishedRun() {
        GatewayClient client = client(gateway());
        client.send("chat.send", chatSend("w", "done already", "finished"));
        client.awaitChatEnd("finished");

        JsonNode waited =
                client.call("agent.wait", object().put("runId", "finished").put("timeoutMs", 1000));

        JsonNode payload = waited.get("payload");
        JsonNode recorded = Transcripts.responses("v4/repeat-key-chat-send.jsonl", "agent.wait")
                .get(0);
        assertThat(Transcripts.shape(waited)).isEqualTo(Transcripts.shape(recorded));
        assertThat(payload.get("status").asText()).isEqualTo("ok");
        assertThat(payload.get("terminalReply"))
                .isEqualTo(object().put("disposition", "visible").put("text", "ECHO: done already"));
    }

    @Test
    void waitAnswersWhenTheRunEndsWithoutBlockingOtherRequests() {
        GatewayClient client = client(gateway(b -> b.slowChunkDelay(Duration.ofMillis(5))));
        client.send("chat.send", chatSend("w", "SLOW", "slow-run"));

        String waitId =
                client.send("agent.wait", object().put("runId", "slow-run").put("timeoutMs", 10_000));
        JsonNode health = client.call("health", object());
        JsonNode waited = client.response(waitId);

        assertThat(health.get("ok").asBoolean()).isTrue();
        assertThat(waited.get("payload").get("status").asText()).isEqualTo("ok");
        assertThat(waited.get("payload").get("terminalReply").get("text").asText())
                .startsWith("SLOW-ECHO part00")
                .endsWith("part49.");
    }

    @Test
    void waitTimesOutForUnknownAndUnfinishedRuns() {
        GatewayClient client = client(gateway());
        client.send("chat.send", chatSend("w", "HANG", "hanging"));

        JsonNode unknown =
                client.call("agent.wait", object().put("runId", "nope").put("timeoutMs", 50));
        JsonNode unfinished =
                client.call("agent.wait", object().put("runId", "hanging").put("timeoutMs", 50));

        assertThat(unknown.get("payload"))
                .isEqualTo(object().put("runId", "nope").put("status", "timeout"));
        assertThat(unfinished.get("payload"))
                .isEqualTo(object().put("runId", "hanging").put("status", "timeout"));
    }

    static ObjectNode agent(String sessionKey, String message, String idempotencyKey) {
        return object().put("sessionKey", sessionKey).put("message", message).put("idempotencyKey", idempotencyKey);
    }

    /** Every field of {@code ours} exists in {@code real}, in the same relative order. */
    static void assertSubsequence(JsonNode ours, JsonNode real) {
        List<String> realNames = fieldNames(real);
        int at = -1;
        for (String name : fieldNames(ours)) {
            int index = realNames.indexOf(name);
            assertThat(index).as("field %s in %s", name, realNames).isGreaterThan(at);
            at = index;
        }
    }
}
