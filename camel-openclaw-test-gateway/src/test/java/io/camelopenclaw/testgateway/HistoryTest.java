package io.camelopenclaw.testgateway;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.camelopenclaw.testgateway.HandshakeTest.fieldNames;
import static io.camelopenclaw.testgateway.Transcripts.shape;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code chat.history}, {@code sessions.*}, {@code health} and {@code status} on protocol 4. */
class HistoryTest extends GatewayTestSupport {

    private final List<JsonNode> recorded = Transcripts.received("v4/history.jsonl");

    @Test
    void historyListAndHealthHaveTheRecordedShapes() {
        TestGateway gw = gateway();
        GatewayClient client = client(gw);
        JsonNode history = historyOfTwoRuns(client, "k");
        JsonNode list = client.call("sessions.list", object()).get("payload");
        JsonNode health = client.call("health", object()).get("payload");

        JsonNode realHistory = recorded.get(2).get("payload");
        assertThat(fieldNames(history)).isEqualTo(fieldNames(realHistory));
        for (int i = 0; i < 4; i++) {
            assertThat(shape(history.get("messages").get(i)))
                    .as("message %d", i)
                    .isEqualTo(shape(realHistory.get("messages").get(i)));
        }
        assertThat(history.get("messages"))
                .extracting(m -> m.get("role").asText())
                .containsExactly("user", "assistant", "user", "assistant");
        assertThat(history.get("messages").get(0).get("content").asText()).isEqualTo("hello camel");
        assertThat(history.get("messages").get(0).get("idempotencyKey").asText())
                .isEqualTo("k1:user");
        assertThat(history.get("messages").get(3).get("__openclaw").get("runId").asText())
                .isEqualTo("k2");
        assertThat(history.get("totalMessages").asInt()).isEqualTo(4);
        assertThat(history.get("hasMore").asBoolean()).isFalse();
        assertThat(history.get("defaults")).isEqualTo(realHistory.get("defaults"));

        JsonNode realList = recorded.get(3).get("payload");
        assertThat(shape(list)).isEqualTo(shape(realList));
        JsonNode row = list.get("sessions").get(0);
        assertThat(row.get("key").asText()).isEqualTo("agent:main:probe-1");
        assertThat(row.get("status").asText()).isEqualTo("done");
        assertThat(row.get("lastRunId").asText()).isEqualTo("k2");
        assertThat(row.get("sessionId").asText())
                .isEqualTo(history.get("sessionId").asText());

        assertThat(shape(health)).isEqualTo(shape(recorded.get(4).get("payload")));
        assertThat(history.get("messages"))
                .hasSize(gw.sessions().history("agent:main:probe-1").size());
    }

    @Test
    void historyLimitKeepsTheNewestMessages() {
        GatewayClient client = client(gateway());
        for (String key : List.of("a", "b", "c")) {
            client.send("chat.send", chatSend("s", "message " + key, key));
            client.awaitChatEnd(key);
        }

        JsonNode history = client.call(
                        "chat.history", object().put("sessionKey", "s").put("limit", 2))
                .get("payload");

        assertThat(history.get("messages"))
                .extracting(m -> m.get("__openclaw").get("seq").asInt())
                .containsExactly(5, 6);
        assertThat(history.get("hasMore").asBoolean()).isTrue();
        assertThat(client.call("chat.history", object().put("sessionKey", "unknown-session"))
                        .get("payload")
                        .get("messages"))
                .isEmpty();
    }

    @Test
    void transcriptsKeepTheirNewestMessagesUpToTheLimit() {
        TestGateway gw = gateway(b -> b.transcriptLimit(4));
        GatewayClient client = client(gw);
        for (String key : List.of("a", "b", "c", "d")) {
            client.send("chat.send", chatSend("s", "message " + key, key));
            client.awaitChatEnd(key);
        }

        JsonNode history = client.call(
                        "chat.history", object().put("sessionKey", "s").put("limit", 100))
                .get("payload");

        assertThat(history.get("messages"))
                .extracting(m -> m.get("role").asText())
                .containsExactly("user", "assistant", "user", "assistant");
        assertThat(history.get("messages").get(0).get("content").asText()).isEqualTo("message c");
        assertThat(history.get("messages").get(2).get("content").asText()).isEqualTo("message d");
        assertThat(history.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void aSessionsListPageEndsAtTheLastSessionWhateverTheLimit() {
        GatewayClient client = client(gateway());
        for (String key : List.of("a", "b", "c")) {
            client.call("sessions.reset", object().put("key", key));
        }

        JsonNode page = client.call(
                        "sessions.list",
                        object().put("limit", Integer.MAX_VALUE).put("offset", 1))
                .get("payload");
        JsonNode beyond =
                client.call("sessions.list", object().put("offset", 5)).get("payload");

        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("nextOffset").isNull()).isTrue();
        assertThat(page.get("hasMore").asBoolean()).isFalse();
        assertThat(beyond.get("sessions")).isEmpty();
        assertThat(beyond.get("totalCount").asInt()).isEqualTo(3);
        assertThat(beyond.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void resetStartsANewTranscriptAndDeleteRemovesTheSession() {
        TestGateway gw = gateway();
        GatewayClient client = client(gw);
        client.send("chat.send", chatSend("agent:main:r", "hello", "k"));
        client.awaitChatEnd("k");
        String before = client.call("chat.history", object().put("sessionKey", "agent:main:r"))
                .get("payload")
                .get("sessionId")
                .asText();

        JsonNode reset = client.call("sessions.reset", object().put("key", "r")).get("payload");
        JsonNode afterReset = client.call("chat.history", object().put("sessionKey", "agent:main:r"))
                .get("payload");
        JsonNode deleted = client.call("sessions.delete", object().put("key", "agent:main:r"))
                .get("payload");
        JsonNode again = client.call("sessions.delete", object().put("key", "agent:main:r"))
                .get("payload");

        assertThat(reset.get("ok").asBoolean()).isTrue();
        assertThat(reset.get("key").asText()).isEqualTo("agent:main:r");
        assertThat(reset.get("entry").get("sessionId").asText())
                .isNotEqualTo(before)
                .isEqualTo(afterReset.get("sessionId").asText());
        assertThat(afterReset.get("messages")).isEmpty();
        assertThat(deleted.toString())
                .isEqualTo("{\"ok\":true,\"key\":\"agent:main:r\",\"deleted\":true,\"archived\":[]}");
        assertThat(again.get("deleted").asBoolean()).isFalse();
        assertThat(gw.sessions().keys()).isEmpty();
    }

    @Test
    void statusSummarizesTheGateway() {
        GatewayClient client = client(gateway());

        JsonNode status = client.call("status", object()).get("payload");

        assertThat(status.get("runtimeVersion").asText()).isEqualTo("2026.9.6");
        assertThat(status.get("sessions").get("count").asInt()).isZero();
    }
}
