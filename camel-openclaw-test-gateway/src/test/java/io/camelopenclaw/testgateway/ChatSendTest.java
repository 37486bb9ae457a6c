package io.camelopenclaw.testgateway;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code chat.send} on protocol 4: the recorded stream, session keys, idempotency, lanes, validation, scopes. */
class ChatSendTest extends GatewayTestSupport {

    @Test
    void streamHasTheRecordedEventsInTheRecordedOrderAndShapes() {
        List<JsonNode> recorded = Transcripts.received("v4/chat-send.jsonl");
        GatewayClient client = client(gateway());

        String id = client.send("chat.send", chatSend("agent:main:probe-1", "hello", "run-1"));
        JsonNode end = client.awaitChatEnd("run-1");

        List<JsonNode> ours = from(client, id);
        assertThat(Transcripts.shapes(ours, f -> true))
                .isEqualTo(Transcripts.shapes(recorded.subList(2, recorded.size()), f -> true));
        assertThat(end.get("payload")
                        .get("message")
                        .get("content")
                        .get(0)
                        .get("text")
                        .asText())
                .isEqualTo("ECHO: hello");
        assertThat(ours.get(0).get("payload"))
                .isEqualTo(object().put("runId", "run-1").put("status", "started"));
        StringBuilder deltas = new StringBuilder();
        ours.stream()
                .filter(f -> "delta".equals(f.path("payload").path("state").asText()))
                .forEach(f -> deltas.append(f.get("payload").get("deltaText").asText()));
        assertThat(deltas).hasToString("ECHO: hello");
    }

    @Test
    void frameSeqCountsPerConnectionAndPayloadSeqPerRun() {
        GatewayClient client = client(gateway());
        client.send("chat.send", chatSend("s", "one two", "k1"));
        client.awaitChatEnd("k1");
        client.send("chat.send", chatSend("s", "three", "k2"));
        client.awaitChatEnd("k2");

        List<JsonNode> events =
                client.received().stream().filter(f -> f.has("seq")).toList();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("seq").asInt()).isEqualTo(i + 1);
        }
        List<JsonNode> second = client.received().stream().filter(ofRun("k2")).toList();
        assertThat(second.get(0).get("payload").get("seq").asInt()).isEqualTo(1);
    }

    @Test
    void sessionKeysAreCanonicalized() {
        TestGateway gw = gateway();
        GatewayClient client = client(gw);

        client.send("chat.send", chatSend("My-Custom:Key", "hi", "k"));
        JsonNode end = client.awaitChatEnd("k");

        assertThat(end.get("payload").get("sessionKey").asText()).isEqualTo("agent:main:my-custom:key");
        client.send("chat.send", chatSend("main", "hi", "k2"));
        assertThat(client.awaitChatEnd("k2").get("payload").get("sessionKey").asText())
                .isEqualTo("agent:main:main");
        assertThat(gw.sessions().keys()).containsExactly("agent:main:my-custom:key", "agent:main:main");
    }

    @Test
    void sameKeyWhileRunningIsInFlightAfterwardsOkAndWithOtherInputAConflict() {
        TestGateway gw = gateway(b -> b.slowChunkDelay(Duration.ofMillis(20)));
        GatewayClient client = client(gw);
        ObjectNode params = chatSend("agent:main:dedupe", "answer SLOW", "same-key");

        JsonNode first = client.call("chat.send", params);
        JsonNode second = client.call("chat.send", params);
        client.awaitChatEnd("same-key");
        JsonNode third = client.call("chat.send", params);
        JsonNode conflict = client.call("chat.send", chatSend("agent:main:dedupe", "something else", "same-key"));

        assertThat(first.get("payload").get("status").asText()).isEqualTo("started");
        assertThat(second.get("payload"))
                .isEqualTo(object().put("runId", "same-key").put("status", "in_flight"));
        assertThat(third.get("payload"))
                .isEqualTo(object().put("runId", "same-key").put("status", "ok"));
        assertThat(error(conflict).get("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(error(conflict).get("message").asText())
                .startsWith("This message ID was already used for different input");
        assertThat(error(conflict).get("details").get("reason").asText()).isEqualTo("chat-request-conflict");
        assertThat(labels(client, "same-key"))
                .filteredOn("agent lifecycle start"::equals)
                .hasSize(1);
        assertThat(gw.sessions().history("agent:main:dedupe")).hasSize(2);
    }

    @Test
    void secondSendToABusySessionWaitsForTheFirstRun() {
        GatewayClient client = client(gateway(b -> b.chunkDelay(Duration.ofMillis(10))));

        client.send("chat.send", chatSend("agent:main:lane", "one two three four", "first"));
        JsonNode ack = client.call("chat.send", chatSend("agent:main:lane", "five", "second"));
        client.awaitChatEnd("second");

        assertThat(ack.get("payload").get("status").asText()).isEqualTo("started");
        List<String> order = client.received().stream()
                .filter(Transcripts::runEvent)
                .filter(f -> Set.of("final", "start")
                        .contains(f.get("payload")
                                .path("state")
                                .asText(f.get("payload")
                                        .path("data")
                                        .path("phase")
                                        .asText())))
                .map(f -> f.get("payload").get("runId").asText() + " " + Transcripts.label(f))
                .toList();
        assertThat(order)
                .containsExactly(
                        "first agent lifecycle start",
                        "first chat final",
                        "second agent lifecycle start",
                        "second chat final");
    }

    @Test
    void paramsAreClosedObjectsAndUnknownMethodsAreRejected() {
        GatewayClient client = client(gateway());

        JsonNode bogus = client.call("chat.send", chatSend("s", "m", "k").put("bogus", 1));
        JsonNode missing =
                client.call("chat.send", object().put("sessionKey", "s").put("message", "m"));
        JsonNode unknown = client.call("chat.nope", object());
        JsonNode foreignAgent = client.call("chat.send", chatSend("s", "m", "k").put("agentId", "other"));

        assertThat(error(bogus).get("message").asText())
                .isEqualTo("invalid chat.send params: at root: unexpected property 'bogus'");
        assertThat(error(missing).get("message").asText())
                .isEqualTo("invalid chat.send params: at root: must have required property 'idempotencyKey'");
        assertThat(error(unknown))
                .isEqualTo(object().put("code", "INVALID_REQUEST").put("message", "unknown method: chat.nope"));
        assertThat(error(foreignAgent).get("details").get("code").asText()).isEqualTo("UNKNOWN_AGENT_ID");
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void missingScopeIsForbiddenAndTheConnectionStaysOpen() {
        TestGateway gw = gateway();
        GatewayClient reader = client(gw, Connects.scopes(Connects.backend(), "operator.read"));

        JsonNode denied = reader.call("chat.send", chatSend("s", "m", "k"));
        JsonNode adminOnly = reader.call("sessions.reset", object().put("key", "s"));
        JsonNode allowed = reader.call("health", object());

        assertThat(error(denied))
                .isEqualTo(GatewayClient.JSON
                        .createObjectNode()
                        .put("code", "FORBIDDEN")
                        .put("message", "missing scope: operator.write")
                        .set(
                                "details",
                                object().put("code", "MISSING_SCOPE")
                                        .put("missingScope", "operator.write")
                                        .set(
                                                "requiredScopes",
                                                GatewayClient.JSON.valueToTree(List.of("operator.write")))));
        assertThat(error(adminOnly).get("details").get("missingScope").asText()).isEqualTo("operator.admin");
        assertThat(allowed.get("ok").asBoolean()).isTrue();
    }

    @Test
    void connectionsWithoutReadScopeOnlyGetTickAndHealth() {
        TestGateway gw = gateway(b -> b.tickInterval(Duration.ofMillis(50)));
        GatewayClient blind = client(gw, Connects.params(4, 4, "test", "test"));
        GatewayClient writer = client(gw);

        writer.send("chat.send", chatSend("s", "hello", "k"));
        writer.awaitChatEnd("k");
        blind.awaitEvent("tick");
        writer.awaitEvent("tick");

        assertThat(blind.received().stream()
                        .filter(f -> f.has("event"))
                        .map(f -> f.get("event").asText()))
                .containsOnly("connect.challenge", "update.available", "health", "tick");
    }

    @Test
    void attachmentsAreCheckedAgainstThePolicyLimits() {
        GatewayClient client = client(gateway(b -> b.attachmentLimits(1000, 500)));
        String kb = Base64.getEncoder().encodeToString(new byte[600]);

        ObjectNode image = chatSend("s", "see", "k1");
        image.putArray("attachments")
                .addObject()
                .put("type", "image")
                .put("mimeType", "image/png")
                .put("content", kb);
        ObjectNode files = chatSend("s", "see", "k2");
        files.putArray("attachments")
                .add(object().put("mimeType", "text/plain").put("content", kb))
                .add(object().put("mimeType", "text/plain").put("content", "data:text/plain;base64," + kb));
        ObjectNode fine = chatSend("s", "see", "k3");
        fine.putArray("attachments").addObject().put("mimeType", "text/plain").put("content", kb);

        assertThat(error(client.call("chat.send", image)).get("message").asText())
                .contains("maxImageBytes 500");
        assertThat(error(client.call("chat.send", files)).get("message").asText())
                .contains("maxBytes 1000");
        assertThat(client.call("chat.send", fine).get("payload").get("status").asText())
                .isEqualTo("started");
    }

    /** The frames from the response to request {@code id} on: responses with a runId and run events. */
    static List<JsonNode> from(GatewayClient client, String id) {
        List<JsonNode> all = client.received();
        int start = 0;
        while (!id.equals(all.get(start).path("id").asText())) {
            start++;
        }
        return all.subList(start, all.size()).stream()
                .filter(f -> f.path("payload").has("runId")
                        || "chat.metadata.changed".equals(f.path("event").asText()))
                .toList();
    }
}
