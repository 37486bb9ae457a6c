package io.camelopenclaw.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.run.AgentRunAbortedException;
import io.camelopenclaw.client.run.AgentRunFailedException;
import io.camelopenclaw.client.run.AgentRunTimeoutException;
import io.camelopenclaw.client.run.ToolCall;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OpenClawAgentProducerTest extends OpenClawTestSupport {

    private static final String SESSION = "agent:main:producer-test";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").to("openclaw:agent?sessionKey=" + SESSION);
                from("direct:timeout").to("openclaw:agent?sessionKey=agent:main:timeouts&runTimeout=300");
                from("direct:idle").to("openclaw:agent?sessionKey=agent:main:idle&idleTimeout=300");
                from("direct:options")
                        .to("openclaw:agent?sessionKey=agent:main:options&thinking=low&deliver=true"
                                + "&suppressCommandInterpretation=false&agentId=main");
                from("direct:agent-method")
                        .to(
                                "openclaw:agent?runMethod=agent&agentId=main&sessionKey=agent:main:agent-method&runTimeout=5000"
                                        + "&extraSystemPrompt=Be brief&thinking=low");
                from("direct:no-session").to("openclaw:agent");
                from("direct:admin")
                        .to("openclaw:agent?sessionKey=agent:main:admin"
                                + "&scopes=operator.read,operator.write,operator.admin");
                from("direct:json-abort").to("openclaw:agent?sessionKey=" + SESSION + "&payloadFormat=json");
                from("direct:two-calls")
                        .to("openclaw:agent?runMethod=agent&sessionKey=agent:main:two-calls")
                        .setBody(constant("then stay SILENT"))
                        .to("openclaw:agent?sessionKey=agent:main:two-calls");
            }
        };
    }

    /**
     * Two AI calls in one exchange: the second leaves no header of the first behind (the agent method reports input
     * tokens, chat.send does not), as Camel's AI components do.
     */
    @Test
    void aSecondCallInTheSameExchangeLeavesNoResultHeaderOfTheFirst() {
        Exchange reply = template.request("direct:two-calls", e -> {
            e.getMessage().setBody("first");
            e.getMessage().setHeader(OpenClawConstants.INPUT_TOKENS, 999); // as if an earlier AI step had set it
        });

        assertThat(reply.getException()).isNull();
        var m = reply.getMessage();
        assertThat(m.getHeader(OpenClawConstants.STATUS)).isEqualTo("silent");
        assertThat(m.getHeader(OpenClawConstants.FINISH_CATEGORY)).isEqualTo("COMPLETED");
        assertThat(m.getHeader(OpenClawConstants.INPUT_TOKENS)).isNull();
        assertThat(m.getHeader(OpenClawConstants.OUTPUT_TOKENS)).isInstanceOf(Integer.class);
        assertThat(m.getHeader(OpenClawConstants.RUN_ID)).isEqualTo(m.getHeader(OpenClawConstants.IDEMPOTENCY_KEY));
    }

    private Exchange ask(String uri, String text) {
        return template.request(uri, e -> e.getMessage().setBody(text));
    }

    @Test
    void okRunSetsBodyAndResultHeaders() {
        Exchange reply = ask("direct:ask", "hello camel");

        assertThat(reply.getException()).isNull();
        var m = reply.getMessage();
        assertThat(m.getBody(String.class)).isEqualTo("ECHO: hello camel");
        assertThat(m.getHeader(OpenClawConstants.STATUS)).isEqualTo("ok");
        assertThat(m.getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo(SESSION);
        assertThat(m.getHeader(OpenClawConstants.RUN_ID, String.class))
                .startsWith(reply.getExchangeId())
                .isEqualTo(m.getHeader(OpenClawConstants.IDEMPOTENCY_KEY));
        assertThat(m.getHeader(OpenClawConstants.STOP_REASON)).isEqualTo("stop");
        assertThat(m.getHeader(OpenClawConstants.MODEL)).isEqualTo("stub-echo");
        assertThat(m.getHeader(OpenClawConstants.PROVIDER)).isEqualTo("stub");
        assertThat(m.getHeader(OpenClawConstants.OUTPUT_TOKENS)).isInstanceOf(Integer.class);
        assertThat(m.getHeader(OpenClawConstants.OUTPUT_TOKENS, Integer.class)).isPositive();
        assertThat(m.getHeader(OpenClawConstants.INPUT_TOKENS)).isNull(); // the stub reports output tokens only
        assertThat(m.getHeader(OpenClawConstants.DURATION, Long.class)).isNotNegative();
        assertThat(m.getHeader(OpenClawConstants.CHUNK_COUNT, Integer.class)).isEqualTo(3);
        assertThat(m.getHeader(OpenClawConstants.REATTACHED, Boolean.class)).isFalse();
        assertThat(m.getHeader(OpenClawConstants.ERROR_KIND)).isNull();
        assertThat((List<?>) reply.getProperty(OpenClawConstants.TOOL_CALLS_PROPERTY, List.class))
                .isEmpty();
        assertThat(reply.getProperty(OpenClawConstants.THINKING_PROPERTY)).isNull();

        JsonNode params = lastParams("chat.send");
        assertThat(params.path("sessionKey").asText()).isEqualTo(SESSION);
        assertThat(params.path("message").asText()).isEqualTo("hello camel");
        assertThat(params.path("idempotencyKey").asText()).isEqualTo(m.getHeader(OpenClawConstants.RUN_ID));
        assertThat(params.has("suppressCommandInterpretation")).isFalse(); // the gateway takes it from admins only
        assertThat(params.has("deliver")).isFalse();
    }

    @Test
    void sessionKeyHeaderOverridesTheUriAndComesBackCanonical() {
        Exchange reply = template.request("direct:ask", e -> {
            e.getMessage().setBody("hi");
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, "Other-Session");
        });

        assertThat(reply.getException()).isNull();
        assertThat(lastParams("chat.send").path("sessionKey").asText()).isEqualTo("Other-Session");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo("agent:main:other-session");
    }

    @Test
    void idempotencyKeyHeaderIsTheRunId() {
        Exchange reply = template.request("direct:ask", e -> {
            e.getMessage().setBody("keyed");
            e.getMessage().setHeader(OpenClawConstants.IDEMPOTENCY_KEY, "my-key-1");
        });

        assertThat(reply.getMessage().getHeader(OpenClawConstants.RUN_ID)).isEqualTo("my-key-1");
        assertThat(lastParams("chat.send").path("idempotencyKey").asText()).isEqualTo("my-key-1");
    }

    @Test
    void silentRunSucceedsWithEmptyBody() {
        Exchange reply = ask("direct:ask", "SILENT please");

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEmpty();
        assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("silent");
    }

    @Test
    void failedRunSetsTypedExceptionAndErrorHeaders() {
        Exchange reply = ask("direct:ask", "FAIL:rate_limit");

        assertThat(reply.getException())
                .isInstanceOf(AgentRunFailedException.class)
                .hasMessageContaining("rate_limit");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("error");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.ERROR_KIND)).isEqualTo("rate_limit");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.ERROR_MESSAGE, String.class))
                .contains("rate limit");
        assertThat(reply.getMessage().getBody()).isEqualTo("FAIL:rate_limit"); // kept for a redelivery
    }

    @Test
    void runTimeoutAbortsTheRunOnTheGateway() {
        Exchange reply = ask("direct:timeout", "HANG");

        assertThat(reply.getException())
                .isInstanceOf(AgentRunTimeoutException.class)
                .hasMessageContaining("run timeout of 300 ms");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("timeout");
        String runId = reply.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class);
        await().atMost(5, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(requests("chat.abort"))
                        .anyMatch(r -> runId.equals(r.params().path("runId").asText())));
    }

    @Test
    void idleTimeoutEndsASilentRun() {
        Exchange reply = ask("direct:idle", "HANG");

        assertThat(reply.getException())
                .isInstanceOf(AgentRunTimeoutException.class)
                .hasMessageContaining("idle timeout");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("timeout");
    }

    @Test
    void thinkingAndToolCallsBecomeExchangeProperties() {
        Exchange reply = ask("direct:ask", "THINK then TOOLCALL");

        assertThat(reply.getException()).isNull();
        assertThat(reply.getProperty(OpenClawConstants.THINKING_PROPERTY, String.class))
                .isEqualTo("Considering the request.");
        @SuppressWarnings("unchecked")
        List<ToolCall> calls = reply.getProperty(OpenClawConstants.TOOL_CALLS_PROPERTY, List.class);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).name()).isEqualTo("ls");
        assertThat(calls.get(0).status()).isEqualTo("completed");
        assertThat(reply.getMessage().getBody(String.class)).startsWith("TOOL RESULT SEEN:");
    }

    @Test
    void producerOptionsGoIntoChatSend() {
        Exchange reply = ask("direct:options", "/reset please");

        assertThat(reply.getException()).isNull();
        JsonNode params = lastParams("chat.send");
        assertThat(params.path("thinking").asText()).isEqualTo("low");
        assertThat(params.path("deliver").asBoolean()).isTrue();
        assertThat(params.path("agentId").asText()).isEqualTo("main");
        assertThat(params.has("suppressCommandInterpretation")).isFalse();
    }

    @Test
    void slashCommandsAreRefusedUnlessInterpretationIsAllowed() {
        int before = requests("chat.send").size();

        Exchange reply = ask("direct:ask", "/reset everything");

        assertThat(reply.getException()).hasMessageContaining("COMMAND_NOT_SUPPRESSED");
        assertThat(requests("chat.send")).hasSize(before);
    }

    @Test
    void anAdminConnectionAsksTheGatewayToSuppressCommands() {
        Exchange reply = ask("direct:admin", "/reset is just text here");

        assertThat(reply.getException()).isNull();
        assertThat(lastParams("chat.send").path("suppressCommandInterpretation").asBoolean())
                .isTrue();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: /reset is just text here");
    }

    @Test
    void agentRunMethodSendsAgentWithItsOptions() {
        Exchange reply = ask("direct:agent-method", "via agent");

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: via agent");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("ok");
        int input = reply.getMessage().getHeader(OpenClawConstants.INPUT_TOKENS, Integer.class);
        int output = reply.getMessage().getHeader(OpenClawConstants.OUTPUT_TOKENS, Integer.class);
        assertThat(input).isPositive();
        assertThat(reply.getMessage().getHeader(OpenClawConstants.TOTAL_TOKENS)).isEqualTo(input + output);
        assertThat(reply.getMessage().getHeader(OpenClawConstants.COST)).isNull(); // the stub reports no cost
        JsonNode params = lastParams("agent");
        assertThat(params.path("extraSystemPrompt").asText()).isEqualTo("Be brief");
        assertThat(params.path("agentId").asText()).isEqualTo("main");
        assertThat(params.path("thinking").asText()).isEqualTo("low");
        assertThat(params.path("sessionKey").asText()).isEqualTo("agent:main:agent-method");
    }

    @Test
    void chatSendWithoutSessionKeyFailsClearly() {
        Exchange reply = ask("direct:no-session", "hello");

        assertThat(reply.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chat.send needs a session key");
    }

    @Test
    void nullBodyFailsWithInvalidPayload() {
        Exchange reply = template.request("direct:ask", e -> e.getMessage().setBody(null));

        assertThat(reply.getException()).isInstanceOf(InvalidPayloadException.class);
    }

    @Test
    void unknownOperationFailsClearly() {
        Exchange reply = template.request("direct:ask", e -> {
            e.getMessage().setBody("x");
            e.getMessage().setHeader(OpenClawConstants.OPERATION, "explode");
        });

        assertThat(reply.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("explode");
    }

    @Test
    void abortOperationAbortsTheSessionsCurrentRun() throws Exception {
        CompletableFuture<Exchange> running =
                template.asyncSend("direct:ask", e -> e.getMessage().setBody("SLOW"));
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> !requests("chat.send").isEmpty()
                        && lastParams("chat.send").path("message").asText().equals("SLOW"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> !bufferedReply(SESSION).isEmpty()); // a few chunks in

        Exchange abort =
                template.request("direct:ask", e -> e.getMessage().setHeader(OpenClawConstants.OPERATION, "abort"));

        assertThat(abort.getException()).isNull();
        assertThat(mapBody(abort)).containsEntry("aborted", true);
        Exchange aborted = running.get(10, TimeUnit.SECONDS);
        assertThat(aborted.getException()).isInstanceOf(AgentRunAbortedException.class);
        assertThat(aborted.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("aborted");
        assertThat(lastParams("chat.abort").path("sessionKey").asText()).isEqualTo(SESSION);
    }

    @Test
    void abortOperationByRunIdAnswersAsJson() throws Exception {
        CompletableFuture<Exchange> running = template.asyncSend("direct:ask", e -> {
            e.getMessage().setBody("HANG");
            e.getMessage().setHeader(OpenClawConstants.IDEMPOTENCY_KEY, "hang-to-abort");
        });
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> requests("chat.send").stream()
                        .anyMatch(
                                r -> r.params().path("idempotencyKey").asText().equals("hang-to-abort")));

        Exchange abort = template.request("direct:json-abort", e -> {
            e.getMessage().setHeader(OpenClawConstants.OPERATION, "abort");
            e.getMessage().setHeader(OpenClawConstants.RUN_ID, "hang-to-abort");
        });

        assertThat(abort.getException()).isNull();
        assertThat(abort.getMessage().getBody()).isInstanceOf(String.class);
        assertThat(abort.getMessage().getBody(String.class))
                .contains("\"aborted\":true")
                .contains("hang-to-abort");
        assertThat(lastParams("chat.abort").path("runId").asText()).isEqualTo("hang-to-abort");
        assertThat(running.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(AgentRunAbortedException.class);
    }

    @Test
    void abortWithoutSessionOrRunIdFailsClearly() {
        Exchange abort = template.request(
                "direct:no-session", e -> e.getMessage().setHeader(OpenClawConstants.OPERATION, "abort"));

        assertThat(abort.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a session key");
    }

    /** The reply text the gateway has buffered for the session's run in flight ({@code chat.history}, protocol 4). */
    private String bufferedReply(String session) {
        Exchange history = template.request(
                "openclaw:rpc?method=chat.history", e -> e.getMessage().setBody(Map.of("sessionKey", session)));
        return mapBody(history).getOrDefault("inFlightRun", Map.of()) instanceof Map<?, ?> run
                        && run.get("text") instanceof String text
                ? text
                : "";
    }
}
