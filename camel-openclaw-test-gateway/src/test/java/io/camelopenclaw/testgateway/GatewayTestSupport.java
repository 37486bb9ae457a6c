package io.camelopenclaw.testgateway;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;

/** Starts gateways and clients for a test and closes them afterwards. */
abstract class GatewayTestSupport {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** A protocol-4 gateway with the shared token {@link Connects#TOKEN}. */
    TestGateway gateway() {
        return gateway(b -> b);
    }

    TestGateway gateway(UnaryOperator<TestGatewayBuilder> settings) {
        TestGateway gateway = settings.apply(TestGateway.builder().token(Connects.TOKEN))
                .build()
                .start();
        resources.push(gateway);
        return gateway;
    }

    /** A connected {@code gateway-client}/{@code backend} client with read, write and admin. */
    GatewayClient client(TestGateway gateway) {
        return client(gateway, Connects.params(gateway.protocol(), gateway.protocol(), "gateway-client", "backend"));
    }

    /** A connected client signed by {@code device} with {@code connectParams} (v3 clears the scopes of unsigned ones). */
    GatewayClient signedClient(TestGateway gateway, Connects.Device device, ObjectNode connectParams) {
        GatewayClient client = open(gateway);
        JsonNode hello = client.connect(device.sign(connectParams, client.challenge()));
        if (!hello.path("ok").asBoolean()) {
            throw new IllegalStateException("connect refused: " + hello);
        }
        return client;
    }

    /** A device-signed {@code gateway-client}/{@code backend} client with read, write and admin. */
    GatewayClient signedClient(TestGateway gateway) {
        return signedClient(
                gateway,
                new Connects.Device(),
                Connects.params(gateway.protocol(), gateway.protocol(), "gateway-client", "backend"));
    }

    GatewayClient client(TestGateway gateway, ObjectNode connectParams) {
        GatewayClient client = GatewayClient.connected(gateway.url(), connectParams);
        resources.push(client);
        return client;
    }

    /** An open socket that has not connected yet. */
    GatewayClient open(TestGateway gateway) {
        GatewayClient client = GatewayClient.open(gateway.url());
        resources.push(client);
        return client;
    }

    @AfterEach
    void closeResources() throws Exception {
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }

    static ObjectNode object() {
        return GatewayClient.JSON.createObjectNode();
    }

    static ObjectNode chatSend(String sessionKey, String message, String idempotencyKey) {
        return object().put("sessionKey", sessionKey).put("message", message).put("idempotencyKey", idempotencyKey);
    }

    /** Frames of one run (chat and agent events with that runId). */
    static Predicate<JsonNode> ofRun(String runId) {
        return frame -> Transcripts.runEvent(frame)
                && runId.equals(frame.path("payload").path("runId").asText());
    }

    /** The events of a run a client received, labelled ({@link Transcripts#label}). */
    static List<String> labels(GatewayClient client, String runId) {
        return client.received().stream()
                .filter(ofRun(runId))
                .map(Transcripts::label)
                .toList();
    }

    /**
     * The scenario of the recorded {@code history.jsonl}: a {@code chat.send} run ({@code <keyPrefix>1}, "hello
     * camel") and an {@code agent} run ({@code <keyPrefix>2}, "hello again") in {@code agent:main:probe-1}, one after
     * the other; returns the {@code chat.history} payload of that session.
     */
    static JsonNode historyOfTwoRuns(GatewayClient client, String keyPrefix) {
        client.send("chat.send", chatSend("agent:main:probe-1", "hello camel", keyPrefix + "1"));
        client.awaitChatEnd(keyPrefix + "1");
        String agent = client.send("agent", AgentTest.agent("agent:main:probe-1", "hello again", keyPrefix + "2"));
        client.await(f -> agent.equals(f.path("id").asText())
                && "ok".equals(f.path("payload").path("status").asText()));
        return client.call(
                        "chat.history",
                        object().put("sessionKey", "agent:main:probe-1").put("limit", 50))
                .get("payload");
    }

    static JsonNode error(JsonNode response) {
        return response.get("error");
    }
}
