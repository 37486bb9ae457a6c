package io.camelopenclaw.testgateway;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code chat.abort} and {@code sessions.abort}. */
class AbortTest extends GatewayTestSupport {

    private static final Predicate<JsonNode> LATE_ERROR = f -> "agent lifecycle error".equals(Transcripts.label(f));

    @Test
    void abortSendsTheRecordedEventsAroundItsResponse() {
        List<JsonNode> recorded = Transcripts.received("v4/abort.jsonl");
        TestGateway gw = gateway(b -> b.slowChunkDelay(Duration.ofMillis(300)));
        GatewayClient client = client(gw);
        client.send("chat.send", chatSend("agent:main:probe-abort", "warm up", "warm"));
        client.awaitChatEnd("warm");

        String sendId = client.send("chat.send", chatSend("agent:main:probe-abort", "please answer SLOW", "slow"));
        client.await(
                f -> "chat delta".equals(Transcripts.label(f))
                        && "slow".equals(f.get("payload").get("runId").asText()),
                3,
                GatewayClient.WAIT);
        String abortId = client.send(
                "chat.abort",
                object().put("sessionKey", "agent:main:probe-abort").put("runId", "slow"));
        client.await(LATE_ERROR);

        List<JsonNode> ours = framesFrom(client, sendId);
        assertThat(Transcripts.shapes(ours, f -> true))
                .isEqualTo(Transcripts.shapes(recorded.subList(2, recorded.size() - 2), f -> true));
        JsonNode aborted = client.received().stream()
                .filter(f -> "chat aborted".equals(Transcripts.label(f)))
                .findFirst()
                .orElseThrow()
                .get("payload");
        JsonNode lastDelta = client.received().stream()
                .filter(ofRun("slow"))
                .filter(f -> "chat delta".equals(Transcripts.label(f)))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(aborted.get("stopReason").asText()).isEqualTo("rpc");
        assertThat(aborted.get("message").get("content").get(0).get("text").asText())
                .startsWith("SLOW-ECHO part00 part01 part02")
                .isEqualTo(lastDelta
                        .get("payload")
                        .get("message")
                        .get("content")
                        .get(0)
                        .get("text")
                        .asText());
        assertThat(client.response(abortId).get("payload").toString())
                .isEqualTo("{\"ok\":true,\"aborted\":true,\"runIds\":[\"slow\"]}");
        JsonNode lateError =
                client.received().stream().filter(LATE_ERROR).findFirst().orElseThrow();
        assertThat(lateError.get("payload").get("data").get("error").asText()).isEqualTo("This operation was aborted");

        JsonNode idle = client.call("chat.abort", object().put("sessionKey", "agent:main:probe-abort"));
        assertThat(idle.get("payload").toString()).isEqualTo("{\"ok\":true,\"aborted\":false,\"runIds\":[]}");

        JsonNode history = client.call("chat.history", object().put("sessionKey", "agent:main:probe-abort"));
        JsonNode recordedHistory =
                recorded.get(recorded.size() - 1).get("payload").get("messages");
        JsonNode messages = history.get("payload").get("messages");
        assertThat(messages).hasSize(4);
        assertThat(Transcripts.shape(messages.get(2))).isEqualTo(Transcripts.shape(recordedHistory.get(0)));
        assertThat(Transcripts.shape(messages.get(3))).isEqualTo(Transcripts.shape(recordedHistory.get(1)));
        assertThat(messages.get(3).get("openclawAbort").get("runId").asText()).isEqualTo("slow");
    }

    @Test
    void runIdFromAnotherSessionIsRejected() {
        GatewayClient client = client(gateway());
        client.send("chat.send", chatSend("agent:main:one", "HANG", "hang"));
        client.await(f -> "agent lifecycle start".equals(Transcripts.label(f)));

        JsonNode response = client.call(
                "chat.abort", object().put("sessionKey", "agent:main:two").put("runId", "hang"));

        assertThat(error(response).get("message").asText()).isEqualTo("runId does not match sessionKey");
    }

    @Test
    void abortWithoutRunIdStopsTheActiveAndTheQueuedRuns() {
        GatewayClient client = client(gateway());
        client.send("chat.send", chatSend("agent:main:q", "HANG", "active"));
        client.call("chat.send", chatSend("agent:main:q", "later", "queued"));

        JsonNode response = client.call("chat.abort", object().put("sessionKey", "agent:main:q"));

        assertThat(response.get("payload").get("runIds"))
                .extracting(JsonNode::asText)
                .containsExactly("active", "queued");
        assertThat(client.awaitChatEnd("active").get("payload").get("state").asText())
                .isEqualTo("aborted");
        assertThat(client.awaitChatEnd("queued").get("payload").get("state").asText())
                .isEqualTo("aborted");
        assertThat(labels(client, "queued")).containsExactly("chat aborted");
    }

    @Test
    void sessionsAbortByRunIdAndWhatWaitAndAgentReportAfterwards() {
        GatewayClient client = client(gateway());
        String agentId = client.send("agent", AgentTest.agent("agent:main:s", "HANG", "agent-hang"));
        client.await(f -> "agent lifecycle start".equals(Transcripts.label(f)));

        JsonNode response = client.call("sessions.abort", object().put("runId", "agent-hang"));
        JsonNode result = client.await(f -> agentId.equals(f.path("id").asText())
                && !"accepted".equals(f.path("payload").path("status").asText()));
        JsonNode waited = client.call("agent.wait", object().put("runId", "agent-hang"));

        assertThat(response.get("payload").get("aborted").asBoolean()).isTrue();
        assertThat(result.get("payload").toString())
                .isEqualTo(
                        "{\"runId\":\"agent-hang\",\"status\":\"timeout\",\"summary\":\"aborted\",\"stopReason\":\"rpc\"}");
        assertThat(waited.get("payload").get("status").asText()).isEqualTo("error");
        assertThat(waited.get("payload").get("error").asText()).isEqualTo("aborted");
        assertThat(waited.get("payload").get("stopReason").asText()).isEqualTo("rpc");
        assertThat(client.call("sessions.abort", object())
                        .get("error")
                        .get("message")
                        .asText())
                .contains("key or runId required");
    }

    /** Every response and run event from the response to {@code id} on. */
    private static List<JsonNode> framesFrom(GatewayClient client, String id) {
        List<JsonNode> all = client.received();
        int start = 0;
        while (!id.equals(all.get(start).path("id").asText())) {
            start++;
        }
        return all.subList(start, all.size()).stream()
                .filter(f -> "res".equals(f.path("type").asText()) || Transcripts.runEvent(f))
                .toList();
    }
}
