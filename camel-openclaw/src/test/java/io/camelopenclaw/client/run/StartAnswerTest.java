package io.camelopenclaw.client.run;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.json.JsonValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers to a run's start request, in the shapes real gateways send them (transcripts v4 and v3). */
class StartAnswerTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"runId\":\"r\",\"status\":\"started\"}                          | EVENTS",
                "{\"runId\":\"r\"}                                                 | EVENTS",
                "{\"runId\":\"r\",\"status\":\"queued-in-a-later-version\"}        | EVENTS",
                "{\"runId\":\"r\",\"status\":\"in_flight\"}                        | RECONCILE_WITHIN_RUN_TIME",
                "{\"runId\":\"r\",\"status\":\"ok\"}                               | RECONCILE_NOW",
                "{\"runId\":\"r\",\"status\":\"timeout\",\"summary\":\"aborted\",\"stopReason\":\"rpc\"} | ABORTED",
                "{\"runId\":\"r\",\"status\":\"timeout\"}                          | ERROR",
                "{\"runId\":\"r\",\"status\":\"error\",\"summary\":\"provider down\"} | ERROR"
            })
    void aChatSendAnswerSaysWhatFollows(String ack, StartAnswer.Next expected) throws IOException {
        RunState run = run(RunMethod.CHAT_SEND);

        assertThat(StartAnswer.chatSend(run, json(ack))).isEqualTo(expected);
        assertThat(run.acknowledged).isTrue();
    }

    @Test
    void aChatSendAnswerKeepsTheGatewaysSessionKeyAndWhatEndedARepeatedRun() throws IOException {
        RunState aborted = run(RunMethod.CHAT_SEND);
        StartAnswer.chatSend(
                aborted,
                json("{\"runId\":\"r\",\"sessionKey\":\"agent:main:tickets\",\"status\":\"timeout\","
                        + "\"summary\":\"aborted\",\"stopReason\":\"rpc\"}"));
        RunState failed = run(RunMethod.CHAT_SEND);
        StartAnswer.chatSend(failed, json("{\"runId\":\"r\",\"status\":\"error\",\"summary\":\"provider down\"}"));

        assertThat(aborted.sessionKey).isEqualTo("agent:main:tickets");
        assertThat(aborted.stopReason).isEqualTo("rpc");
        assertThat(failed.errorMessage).isEqualTo("provider down");
    }

    @Test
    void anAgentFinalCarriesTheReplyModelUsageAndStopReason() throws IOException {
        RunState run = run(RunMethod.AGENT);

        StartAnswer.Next next = StartAnswer.agentFinal(
                run,
                json("{\"runId\":\"r\",\"status\":\"ok\",\"summary\":\"completed\",\"result\":{\"payloads\":["
                        + "{\"text\":\"first\",\"mediaUrl\":null},{\"text\":\"thinking...\",\"isStatusNotice\":true},"
                        + "{\"text\":\"second\"}],\"meta\":{\"durationMs\":262,\"stopReason\":\"stop\",\"agentMeta\":{"
                        + "\"provider\":\"stub\",\"model\":\"stub-echo\",\"usage\":{\"input\":12319,\"output\":8,"
                        + "\"total\":12327,\"cost\":{\"total\":0}}}}}}"));

        assertThat(next).isEqualTo(StartAnswer.Next.SUCCESS);
        assertThat(next.outcome(run)).isEqualTo(RunOutcome.OK);
        AgentRunResult result = run.toResult(next.outcome(run));
        assertThat(result.text()).isEqualTo("first\n\nsecond");
        assertThat(result.model()).isEqualTo("stub-echo");
        assertThat(result.provider()).isEqualTo("stub");
        assertThat(result.stopReason()).isEqualTo("stop");
        assertThat(result.usage().totalTokens()).isEqualTo(12327L);
    }

    @Test
    void anAgentFinalWithoutTextIsASilentSuccess() throws IOException {
        RunState run = run(RunMethod.AGENT);

        StartAnswer.Next next =
                StartAnswer.agentFinal(run, json("{\"runId\":\"r\",\"status\":\"ok\",\"result\":{\"payloads\":[]}}"));

        assertThat(next.outcome(run)).isEqualTo(RunOutcome.SILENT);
    }

    @Test
    void anAgentErrorAfterASilentLifecycleEndIsSilent() throws IOException {
        RunState run = run(RunMethod.AGENT);
        run.silentEnd = true; // lifecycle error with terminalReply.disposition silent came first (2026.9.6)

        StartAnswer.Next next = StartAnswer.agentFinal(run, json("{\"runId\":\"r\",\"status\":\"error\"}"));

        assertThat(next).isEqualTo(StartAnswer.Next.SILENT);
        assertThat(run.errorMessage).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "{\"runId\":\"r\",\"status\":\"in_flight\"}                              | RECONCILE_WITHIN_REATTACH_TIME | null | null",
                "{\"runId\":\"r\",\"status\":\"timeout\",\"summary\":\"aborted\",\"stopReason\":\"rpc\"} | ABORTED | null | null",
                "{\"runId\":\"r\",\"status\":\"timeout\",\"summary\":\"run timed out\"}  | ERROR   | timeout | run timed out",
                "{\"runId\":\"r\",\"status\":\"error\",\"summary\":\"provider down\"}    | ERROR   | null    | provider down"
            })
    void anAgentAnswerThatIsNoSuccessSaysWhatFollows(
            String payload, StartAnswer.Next expected, String errorKind, String errorMessage) throws IOException {
        RunState run = run(RunMethod.AGENT);

        assertThat(StartAnswer.agentFinal(run, json(payload))).isEqualTo(expected);
        assertThat(run.errorKind).isEqualTo(errorKind);
        assertThat(run.errorMessage).isEqualTo(errorMessage);
    }

    private static RunState run(RunMethod method) {
        return new RunState(
                AgentRunRequest.builder("hello")
                        .sessionKey("tickets")
                        .method(method)
                        .build(),
                "r");
    }

    private static JsonNode json(String text) throws IOException {
        return JsonValues.parse(text);
    }
}
