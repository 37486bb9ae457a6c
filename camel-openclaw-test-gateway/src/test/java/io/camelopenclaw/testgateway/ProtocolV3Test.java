package io.camelopenclaw.testgateway;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static io.camelopenclaw.testgateway.HandshakeTest.fieldNames;
import static io.camelopenclaw.testgateway.Transcripts.shape;
import static org.assertj.core.api.Assertions.assertThat;

/** Protocol 3, emulating openclaw 2026.3.13, against its recorded transcripts. */
class ProtocolV3Test extends GatewayTestSupport {

    private static final Predicate<JsonNode> RUN_FRAMES =
            f -> "res".equals(f.path("type").asText()) || Transcripts.runEvent(f);

    private final Connects.Device device = new Connects.Device();

    private TestGateway v3() {
        return v3(Duration.ofMillis(200));
    }

    private TestGateway v3(Duration slowChunkDelay) {
        return gateway(b -> b.protocol(3).slowChunkDelay(slowChunkDelay));
    }

    @Test
    void handshakeHasThe2026313Shapes() {
        List<JsonNode> recorded = Transcripts.received("v3/handshake.jsonl");
        TestGateway gw = v3();
        GatewayClient client = signedClient(gw, device, Connects.params(3, 3, "gateway-client", "backend"));
        JsonNode health = client.awaitEvent("health");

        List<JsonNode> frames = client.received();
        assertThat(shape(frames.get(0))).isEqualTo(shape(recorded.get(0)));
        JsonNode hello = frames.get(1).get("payload");
        JsonNode real = recorded.get(1).get("payload");
        assertThat(fieldNames(hello)).isEqualTo(fieldNames(real));
        assertThat(fieldNames(hello.get("snapshot"))).isEqualTo(fieldNames(real.get("snapshot")));
        assertThat(shape(hello.get("server"))).isEqualTo(shape(real.get("server")));
        assertThat(hello.get("policy")).isEqualTo(real.get("policy"));
        assertThat(hello.get("snapshot").get("sessionDefaults"))
                .isEqualTo(real.get("snapshot").get("sessionDefaults"));
        assertThat(hello.get("protocol").asInt()).isEqualTo(3);
        assertThat(hello.get("server").get("version").asText()).isEqualTo("2026.3.13");
        assertThat(hello.get("canvasHostUrl").asText()).isEqualTo("http://127.0.0.1:" + gw.port());
        assertThat(hello.get("features").get("methods"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "health",
                        "status",
                        "sessions.list",
                        "sessions.reset",
                        "sessions.delete",
                        "agent",
                        "agent.wait",
                        "chat.history",
                        "chat.abort",
                        "chat.send");
        assertThat(shape(health)).isEqualTo(shape(recorded.get(2)));
    }

    @Test
    void rangeThreeToFourNegotiatesThree() {
        GatewayClient client = signedClient(v3(), device, Connects.params(3, 4, "gateway-client", "backend"));

        assertThat(client.received().get(1).get("payload").get("protocol").asInt())
                .isEqualTo(3);
    }

    @Test
    void connectErrorsMatchTheRecordings() {
        TestGateway gw = v3();
        GatewayClient v4Only = open(gw);
        assertThat(error(v4Only.call("connect", device.sign(Connects.backend(), v4Only.challenge()))))
                .isEqualTo(
                        error(Transcripts.received("v3/bad-protocol-v4.jsonl").get(1)));
        assertThat(v4Only.awaitClose()).isEqualTo(new GatewayClient.Close(1002, "protocol mismatch", true));

        GatewayClient timeZone = open(gw);
        ObjectNode params = Connects.params(3, 4, "gateway-client", "backend");
        ((ObjectNode) params.get("client")).put("timeZone", "UTC");
        assertThat(error(timeZone.call("connect", device.sign(params, timeZone.challenge()))))
                .isEqualTo(error(
                        Transcripts.received("v3/bad-params-v4field.jsonl").get(1)));
        assertThat(timeZone.awaitClose())
                .isEqualTo(new GatewayClient.Close(
                        1008, "invalid connect params: at /client: unexpected property 'timeZone'", true));

        List<JsonNode> badToken = Transcripts.received("v3/bad-token.jsonl");
        ObjectNode wrong = Connects.params(3, 3, "gateway-client", "backend");
        ((ObjectNode) wrong.get("auth")).put("token", "definitely-wrong-token");
        assertThat(error(open(gw).connect(wrong))).isEqualTo(error(badToken.get(1)));
        GatewayClient withDevice = open(gw);
        assertThat(error(withDevice.call("connect", device.sign(wrong, withDevice.challenge()))))
                .isEqualTo(error(badToken.get(3)));

        ObjectNode v4Client = Connects.params(3, 3, "openclaw-tui", "ui");
        assertThat(error(open(gw).connect(v4Client)).get("message").asText())
                .isEqualTo("invalid connect params: at /client/id: must be equal to one of the allowed values");
    }

    @Test
    void deviceLessConnectsKeepNoScopes() {
        GatewayClient client = client(v3());

        JsonNode list = client.call("sessions.list", object());
        JsonNode send = client.call("chat.send", chatSend("agent:main:probe-nodevice", "hello", "k"));
        JsonNode health = client.call("health", object());

        assertThat(client.received().get(1).get("payload").has("auth")).isFalse();
        assertThat(error(list))
                .isEqualTo(object().put("code", "INVALID_REQUEST").put("message", "missing scope: operator.read"));
        assertThat(error(send).get("message").asText()).isEqualTo("missing scope: operator.write");
        assertThat(health.get("ok").asBoolean()).isTrue();
    }

    @Test
    void pairedCliGetsADeviceTokenItCanReconnectWith() {
        List<JsonNode> recorded = Transcripts.received("v3/handshake-paired.jsonl");
        TestGateway gw = v3();
        GatewayClient first = signedClient(gw, device, Connects.params(3, 3, "cli", "cli"));
        JsonNode auth = first.received().get(1).get("payload").get("auth");

        assertThat(shape(auth)).isEqualTo(shape(recorded.get(1).get("payload").get("auth")));
        assertThat(auth.get("scopes"))
                .extracting(JsonNode::asText)
                .containsExactly("operator.admin", "operator.read", "operator.write");

        ObjectNode reconnect = Connects.params(3, 3, "cli", "cli");
        reconnect.putObject("auth").put("deviceToken", auth.get("deviceToken").asText());
        GatewayClient second = signedClient(gw, device, reconnect);
        assertThat(second.received().get(1).get("payload").get("auth").get("deviceToken"))
                .isEqualTo(auth.get("deviceToken"));
        assertThat(second.call("sessions.list", object().put("limit", 1))
                        .get("ok")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void chatSendAgentAndToolStreamsHaveThe2026313Shapes() {
        TestGateway gw = v3();
        GatewayClient client = signedClient(
                gw, device, Connects.caps(Connects.params(3, 3, "gateway-client", "backend"), "tool-events"));

        String send = client.send("chat.send", chatSend("agent:main:probe-1", "hello camel", "v3-send"));
        client.awaitChatEnd("v3-send");
        assertThat(runShapes(client, send))
                .isEqualTo(Transcripts.shapes(Transcripts.received("v3/chat-send.jsonl"), RUN_FRAMES)
                        .subList(1, 9));

        List<JsonNode> recordedAgent = Transcripts.received("v3/agent.jsonl");
        String agent = client.send("agent", AgentTest.agent("agent:main:probe-1", "hello again", "v3-agent"));
        JsonNode result = client.await(f -> agent.equals(f.path("id").asText())
                && "ok".equals(f.path("payload").path("status").asText()));
        List<String> expected = Transcripts.shapes(recordedAgent, RUN_FRAMES);
        List<String> ours = runShapes(client, agent);
        assertThat(ours.subList(0, ours.size() - 1)).isEqualTo(expected.subList(1, expected.size() - 1));
        assertThat(fieldNames(result.get("payload")
                        .get("result")
                        .get("meta")
                        .get("agentMeta")
                        .get("usage")))
                .containsExactly("input", "output", "total");

        client.send("chat.send", chatSend("agent:main:probe-tool", "please do a TOOLCALL now", "v3-tool"));
        client.awaitChatEnd("v3-tool");
        List<JsonNode> tools = client.received().stream()
                .filter(f -> "tool".equals(f.path("payload").path("stream").asText()))
                .toList();
        assertThat(tools).extracting(Transcripts::label).containsExactly("agent tool start", "agent tool result");
        assertThat(tools).allSatisfy(tool -> assertThat(tool.has("seq")).isFalse());
        assertThat(fieldNames(tools.get(1).get("payload").get("data")))
                .containsExactly("phase", "name", "toolCallId", "isError");
        assertThat(labels(client, "v3-tool")).noneMatch(label -> label.startsWith("agent item"));
    }

    @Test
    void abortSendsOnlyTheChatEventAndKeepsBothPartialsInHistory() {
        List<JsonNode> recorded = Transcripts.received("v3/abort.jsonl");
        GatewayClient client =
                signedClient(v3(Duration.ofMillis(300)), device, Connects.params(3, 3, "gateway-client", "backend"));

        client.send("chat.send", chatSend("agent:main:probe-abort", "please answer SLOW", "v3-slow"));
        client.await(f -> "chat delta".equals(Transcripts.label(f)), 3, GatewayClient.WAIT);
        JsonNode response = client.call(
                "chat.abort",
                object().put("sessionKey", "agent:main:probe-abort").put("runId", "v3-slow"));
        JsonNode history = client.call(
                        "chat.history",
                        object().put("sessionKey", "agent:main:probe-abort").put("limit", 20))
                .get("payload");

        assertThat(response.get("payload").get("runIds"))
                .extracting(JsonNode::asText)
                .containsExactly("v3-slow");
        assertThat(labels(client, "v3-slow")).endsWith("chat delta", "chat aborted");
        JsonNode realHistory = recorded.get(recorded.size() - 1).get("payload");
        assertThat(fieldNames(history)).isEqualTo(fieldNames(realHistory));
        assertThat(history.get("messages")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(shape(history.get("messages").get(i)))
                    .as("message %d", i)
                    .isEqualTo(shape(realHistory.get("messages").get(i)));
        }
        assertThat(history.get("messages").get(2).get("stopReason").asText()).isEqualTo("aborted");
    }

    @Test
    void historyAndListHaveThe2026313Shapes() {
        List<JsonNode> recorded = Transcripts.received("v3/history.jsonl");
        GatewayClient client = signedClient(v3(), device, Connects.params(3, 3, "gateway-client", "backend"));
        JsonNode history = historyOfTwoRuns(client, "h");
        JsonNode list = client.call("sessions.list", object()).get("payload");

        JsonNode realHistory = recorded.stream()
                .filter(f -> f.path("payload").has("messages"))
                .findFirst()
                .orElseThrow()
                .get("payload");
        JsonNode realList = recorded.stream()
                .filter(f -> f.path("payload").has("defaults"))
                .findFirst()
                .orElseThrow()
                .get("payload");
        assertThat(fieldNames(history)).isEqualTo(fieldNames(realHistory));
        for (int i = 0; i < 4; i++) {
            assertThat(shape(history.get("messages").get(i)))
                    .as("message %d", i)
                    .isEqualTo(shape(realHistory.get("messages").get(i)));
        }
        assertThat(history.get("messages").get(0).get("senderLabel").asText()).isEqualTo("test probe (gateway-client)");
        assertThat(shape(list)).isEqualTo(shape(realList));
    }

    @Test
    void frameSeqIsOneCounterSharedByAllConnections() {
        TestGateway gw = v3();
        GatewayClient first = signedClient(gw, device, Connects.params(3, 3, "gateway-client", "backend"));
        GatewayClient second = signedClient(gw, device, Connects.params(3, 3, "gateway-client", "backend"));

        first.send("chat.send", chatSend("s", "hello", "shared"));
        JsonNode firstFinal = first.awaitChatEnd("shared");
        JsonNode secondFinal = second.awaitChatEnd("shared");

        assertThat(second.awaitEvent("health").get("seq").asInt()).isGreaterThan(1);
        assertThat(secondFinal.get("seq")).isEqualTo(firstFinal.get("seq"));
    }

    /** Shapes of the responses and run events from request {@code id} on. */
    private static List<String> runShapes(GatewayClient client, String id) {
        List<JsonNode> all = client.received();
        int start = 0;
        while (!id.equals(all.get(start).path("id").asText())) {
            start++;
        }
        return Transcripts.shapes(all.subList(start, all.size()), RUN_FRAMES);
    }
}
