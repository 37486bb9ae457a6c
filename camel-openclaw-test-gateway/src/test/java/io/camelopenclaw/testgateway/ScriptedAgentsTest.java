package io.camelopenclaw.testgateway;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scripted agents, chosen by keywords in the user message. */
class ScriptedAgentsTest extends GatewayTestSupport {

    @Test
    void toolCallStreamMatchesTheRecordingForClientsWithToolEvents() {
        List<JsonNode> recorded = Transcripts.received("v4/tool.jsonl");
        TestGateway gw = gateway();
        GatewayClient withTools = client(gw, Connects.caps(Connects.backend(), "tool-events"));
        GatewayClient observer = client(gw);
        warmUp(withTools);

        String id = withTools.send("chat.send", chatSend("agent:main:probe-tool", "please do a TOOLCALL now", "tool"));
        JsonNode end = withTools.awaitChatEnd("tool");
        observer.awaitChatEnd("tool");

        assertThat(Transcripts.shapes(ChatSendTest.from(withTools, id), f -> true))
                .isEqualTo(Transcripts.shapes(recorded.subList(2, recorded.size()), f -> true));
        assertThat(end.get("payload")
                        .get("message")
                        .get("content")
                        .get(0)
                        .get("text")
                        .asText())
                .isEqualTo("TOOL RESULT SEEN: \".git/\" \"AGENTS.md\" \"BOOTSTRAP.md\" \"IDENTITY.md\" \"SOUL.md\" "
                        + "\"USER.md\"");
        assertThat(labels(observer, "tool"))
                .contains("agent item start", "agent item end")
                .noneMatch(label -> label.startsWith("agent tool"));
        JsonNode result = withTools.await(f -> "agent tool result".equals(Transcripts.label(f)));
        assertThat(result.get("payload").get("data").get("isError").asBoolean()).isFalse();
        assertThat(result.get("payload")
                        .get("data")
                        .get("result")
                        .get("content")
                        .get(0)
                        .get("text")
                        .asText())
                .isEqualTo(AgentScript.TOOL_RESULT);
    }

    @Test
    void thinkStreamsReasoningBeforeTheAnswer() {
        GatewayClient client = client(gateway());

        client.send("chat.send", chatSend("s", "THINK first", "think"));
        client.awaitChatEnd("think");

        List<String> labels = labels(client, "think");
        assertThat(labels.indexOf("agent thinking")).isLessThan(labels.indexOf("agent assistant"));
        JsonNode thinking = client.received().stream()
                .filter(ofRun("think"))
                .filter(f -> "thinking".equals(f.get("payload").path("stream").asText()))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(thinking.get("payload").get("data").get("text").asText()).isEqualTo("Considering the request.");
    }

    @Test
    void failEndsWithAChatErrorOfTheRequestedKind() {
        GatewayClient client = client(gateway());

        client.send("chat.send", chatSend("s", "please FAIL:rate_limit", "fail"));
        JsonNode end = client.awaitChatEnd("fail").get("payload");
        JsonNode waited =
                client.call("agent.wait", object().put("runId", "fail")).get("payload");

        assertThat(end.get("state").asText()).isEqualTo("error");
        assertThat(end.get("errorKind").asText()).isEqualTo("rate_limit");
        assertThat(end.get("errorMessage").asText()).isNotBlank();
        assertThat(labels(client, "fail")).containsSubsequence("agent lifecycle error", "chat error");
        assertThat(waited.get("status").asText()).isEqualTo("error");
        assertThat(client.call("chat.send", chatSend("s", "FAIL:weird", "fail2"))
                        .get("ok")
                        .asBoolean())
                .isTrue();
        assertThat(client.awaitChatEnd("fail2").get("payload").get("errorKind").asText())
                .isEqualTo("unknown");
    }

    @Test
    void silentRunsEndWithAFinalWithoutMessageOnProtocol3() {
        TestGateway gw = gateway(b -> b.protocol(3));
        GatewayClient client = signedClient(gw);

        client.send("chat.send", chatSend("agent:main:quiet", "stay SILENT", "silent"));
        client.send("chat.send", chatSend("agent:main:quiet", "NO_REPLY", "no-reply"));
        JsonNode first = client.awaitChatEnd("silent").get("payload");
        JsonNode second = client.awaitChatEnd("no-reply").get("payload");

        assertThat(first.get("state").asText()).isEqualTo("final");
        assertThat(first.has("message")).isFalse();
        assertThat(second.has("message")).isFalse();
        assertThat(labels(client, "silent")).noneMatch(label -> label.equals("agent assistant"));
        assertThat(gw.sessions().history("agent:main:quiet"))
                .extracting(m -> m.get("role").asText())
                .containsExactly("user", "user");
    }

    @Test
    void replaceSendsADeltaThatReplacesTheTextSoFar() {
        GatewayClient client = client(gateway());

        client.send("chat.send", chatSend("s", "REPLACE it", "replace"));
        JsonNode end = client.awaitChatEnd("replace").get("payload");

        JsonNode replacing = client.received().stream()
                .filter(ofRun("replace"))
                .filter(f -> f.get("payload").path("replace").asBoolean()
                        && "chat".equals(f.get("event").asText()))
                .findFirst()
                .orElseThrow()
                .get("payload");
        assertThat(replacing.get("deltaText").asText()).isEqualTo("ECHO: REPLACE it");
        assertThat(replacing.get("message").get("content").get(0).get("text").asText())
                .isEqualTo("ECHO: REPLACE it");
        assertThat(end.get("message").get("content").get(0).get("text").asText())
                .isEqualTo("ECHO: REPLACE it");
    }

    @Test
    void chunksSendsExactlyThatManyTextChunks() {
        GatewayClient client = client(gateway());

        client.send("chat.send", chatSend("s", "bench CHUNKS:10", "chunks"));
        JsonNode end = client.awaitChatEnd("chunks").get("payload");

        assertThat(labels(client, "chunks"))
                .filteredOn("agent assistant"::equals)
                .hasSize(10);
        assertThat(labels(client, "chunks")).filteredOn("chat delta"::equals).hasSize(10);
        assertThat(end.get("message").get("content").get(0).get("text").asText())
                .isEqualTo("part00 part01 part02 part03 part04 part05 part06 part07 part08 part09");
    }

    @Test
    void chunkDelayPacesTheStream() {
        GatewayClient client = client(gateway(b -> b.chunkDelay(Duration.ofMillis(40))));

        long start = System.nanoTime();
        client.send("chat.send", chatSend("s", "CHUNKS:6", "paced"));
        client.awaitChatEnd("paced");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void hangNeverFinishesUntilAborted() {
        GatewayClient client = client(gateway());
        client.send("chat.send", chatSend("agent:main:h", "HANG", "hang"));
        client.await(f -> "agent lifecycle model".equals(Transcripts.label(f)));

        JsonNode waited =
                client.call("agent.wait", object().put("runId", "hang").put("timeoutMs", 100));
        client.call("chat.abort", object().put("sessionKey", "agent:main:h"));

        assertThat(waited.get("payload").get("status").asText()).isEqualTo("timeout");
        assertThat(client.awaitChatEnd("hang").get("payload").get("state").asText())
                .isEqualTo("aborted");
    }

    private static void warmUp(GatewayClient client) {
        client.send("chat.send", chatSend("agent:main:warm", "warm", "warm"));
        client.awaitChatEnd("warm");
    }
}
