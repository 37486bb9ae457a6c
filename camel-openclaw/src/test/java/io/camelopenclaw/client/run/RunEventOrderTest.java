package io.camelopenclaw.client.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelopenclaw.client.api.GatewayEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code agent} events of a run apply in per-run {@code seq} order: one already seen, or a late one from an emitter
 * whose {@code seq} restarts (2026.5.7's second lifecycle end, 2026.9.6's late lifecycle error after an abort), is
 * ignored; forward jumps are normal (the gateway coalesces assistant deltas). Silent ends are told from their
 * terminal lifecycle data.
 */
class RunEventOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AgentRunResult> finished = new ArrayList<>();
    private final RunObserver observer = new RunObserver(key -> true, finished::add, Duration.ofMinutes(1));

    @Test
    void anAgentEventWithASeqAlreadySeenIsIgnored() throws Exception {
        feed(
                "agent",
                "{\"runId\":\"r\",\"sessionKey\":\"s\",\"stream\":\"lifecycle\",\"seq\":2,"
                        + "\"data\":{\"phase\":\"model\",\"provider\":\"p\",\"model\":\"newer\"}}");
        feed(
                "agent",
                "{\"runId\":\"r\",\"sessionKey\":\"s\",\"stream\":\"lifecycle\",\"seq\":1,"
                        + "\"data\":{\"phase\":\"model\",\"provider\":\"p\",\"model\":\"stale\"}}");
        feed(
                "agent",
                "{\"runId\":\"r\",\"sessionKey\":\"s\",\"stream\":\"lifecycle\",\"seq\":7,"
                        + "\"data\":{\"phase\":\"end\",\"stopReason\":\"stop\"}}");
        feed(
                "chat",
                "{\"runId\":\"r\",\"sessionKey\":\"s\",\"seq\":7,\"state\":\"final\","
                        + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}}");

        assertThat(finished).singleElement().satisfies(result -> {
            assertThat(result.model()).isEqualTo("newer");
            assertThat(result.outcome()).isEqualTo(RunOutcome.OK);
            assertThat(result.stopReason()).isEqualTo("stop");
        });
    }

    @Test
    void aSilentTerminalReplyMakesTheFollowingChatAbortedASilentEnd() throws Exception {
        feed(
                "agent",
                "{\"runId\":\"r\",\"sessionKey\":\"s\",\"stream\":\"lifecycle\",\"seq\":16,\"data\":{"
                        + "\"stopReason\":\"stop\",\"aborted\":false,\"phase\":\"error\",\"error\":\"no answer\","
                        + "\"terminalReply\":{\"disposition\":\"silent\"}}}");
        feed("chat", "{\"runId\":\"r\",\"sessionKey\":\"s\",\"seq\":16,\"state\":\"aborted\",\"stopReason\":\"stop\"}");

        assertThat(finished).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(RunOutcome.SILENT);
            assertThat(result.errorMessage()).isNull();
        });
    }

    @Test
    void aChatAbortedWithoutASilentDispositionIsAnAbort() throws Exception {
        feed("chat", "{\"runId\":\"r\",\"sessionKey\":\"s\",\"seq\":3,\"state\":\"aborted\",\"stopReason\":\"rpc\"}");

        assertThat(finished).singleElement().extracting(AgentRunResult::outcome).isEqualTo(RunOutcome.ABORTED);
    }

    private void feed(String name, String payload) throws Exception {
        JsonNode node = JSON.readTree(payload);
        observer.onEvent(new GatewayEvent(name, node, null, false, System.currentTimeMillis()));
    }
}
