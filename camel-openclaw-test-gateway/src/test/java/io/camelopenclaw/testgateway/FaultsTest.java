package io.camelopenclaw.testgateway;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fault injection, shutdown and restart. */
class FaultsTest extends GatewayTestSupport {

    @Test
    void dropConnectionsClosesWithoutACloseFrameAndTheGatewayStaysUp() {
        TestGateway gw = gateway();
        GatewayClient client = client(gw);

        gw.faults().dropConnections();

        assertThat(client.awaitClose().code()).isEqualTo(1006);
        assertThat(client(gw).isOpen()).isTrue();
    }

    @Test
    void dropConnectionsAfterChunksDropsMidRunAndTheRunStillCompletes() {
        TestGateway gw = gateway(b -> b.chunkDelay(Duration.ofMillis(20)));
        GatewayClient client = client(gw);
        gw.faults().dropConnectionsAfterChunks(3);

        client.send("chat.send", chatSend("agent:main:drop", "CHUNKS:10", "dropped"));

        assertThat(client.awaitClose().code()).isEqualTo(1006);
        assertThat(labels(client, "dropped"))
                .filteredOn("agent assistant"::equals)
                .hasSize(3);
        GatewayClient again = client(gw);
        JsonNode waited =
                again.call("agent.wait", object().put("runId", "dropped").put("timeoutMs", 5000));
        assertThat(waited.get("payload").get("terminalReply").get("text").asText())
                .endsWith("part09");
    }

    @Test
    void tickingCanBeStoppedAndResumed() throws Exception {
        TestGateway gw = gateway(b -> b.tickInterval(Duration.ofMillis(30)));
        GatewayClient client = client(gw);
        client.awaitEvent("tick");

        gw.faults().stopTicking();
        Thread.sleep(200);
        long ticks = ticks(client);
        Thread.sleep(300);
        assertThat(ticks(client)).isEqualTo(ticks);

        gw.faults().resumeTicking();
        client.await(f -> "tick".equals(f.path("event").asText()), (int) ticks + 1, GatewayClient.WAIT);
        JsonNode tick = client.awaitEvent("tick");
        assertThat(HandshakeTest.fieldNames(tick.get("payload"))).containsExactly("ts");
    }

    @Test
    void startupUnavailableRejectsTheNextConnectsRetryably() {
        TestGateway gw = gateway();
        gw.faults().startupUnavailable(2);

        for (int i = 0; i < 2; i++) {
            GatewayClient client = open(gw);
            JsonNode error = error(client.connect(Connects.backend()));
            assertThat(error.toString())
                    .isEqualTo(
                            "{\"code\":\"UNAVAILABLE\",\"message\":\"gateway starting; retry "
                                    + "shortly\",\"retryable\":true,\"retryAfterMs\":500,\"details\":{\"reason\":\"startup-sidecars\"}}");
            assertThat(client.awaitClose()).isEqualTo(new GatewayClient.Close(1013, "gateway starting", true));
        }
        assertThat(client(gw).isOpen()).isTrue();
    }

    @Test
    void malformedAndOversizedFramesReachEveryConnection() {
        TestGateway gw = gateway();
        GatewayClient client = client(gw);

        gw.faults().sendMalformedFrame();
        gw.faults().sendOversizedFrame(100_000);
        JsonNode big = client.await(f -> f.path("payload").has("padding"));

        assertThat(client.rawTexts()).contains("this is not json {");
        // not necessarily the last frame: a tick or health event may follow it before the await returns
        assertThat(client.rawTexts()).anyMatch(text -> text.length() >= 100_000);
        assertThat(big.get("event").asText()).isEqualTo("tick");
    }

    @Test
    void skipSeqMakesAGap() {
        TestGateway gw = gateway();
        GatewayClient client = client(gw);
        client.awaitEvent("health");

        gw.faults().skipSeq(5);
        client.send("chat.send", chatSend("s", "hi", "gap"));
        client.awaitChatEnd("gap");

        List<Integer> seqs = client.received().stream()
                .filter(f -> f.has("seq"))
                .map(f -> f.get("seq").asInt())
                .toList();
        assertThat(seqs.subList(0, 3)).containsExactly(1, 2, 8);
    }

    @Test
    void requirePairingRejectsNewDevicesUntilApproved() {
        TestGateway gw = gateway();
        gw.faults().requirePairing();
        Connects.Device device = new Connects.Device();

        GatewayClient first = open(gw);
        ObjectNode params = Connects.params(4, 4, "cli", "cli");
        JsonNode error = error(first.call("connect", device.sign(params, first.challenge())));

        JsonNode details = error.get("details");
        String requestId = details.get("requestId").asText();
        assertThat(error.get("code").asText()).isEqualTo("NOT_PAIRED");
        assertThat(error.get("message").asText()).startsWith("pairing required: ");
        assertThat(HandshakeTest.fieldNames(details))
                .containsExactly(
                        "code",
                        "reason",
                        "requestId",
                        "remediationHint",
                        "deviceId",
                        "requestedRole",
                        "requestedScopes",
                        "pauseReconnect");
        assertThat(details.get("code").asText()).isEqualTo("PAIRING_REQUIRED");
        assertThat(details.get("reason").asText()).isEqualTo("not-paired");
        assertThat(details.get("deviceId").asText()).isEqualTo(device.id);
        assertThat(details.get("pauseReconnect").asBoolean()).isTrue();
        GatewayClient.Close close = first.awaitClose();
        assertThat(close.code()).isEqualTo(1008);
        assertThat(close.reason()).startsWith("pairing required: ").endsWith("(requestId: " + requestId + ")");
        assertThat(gw.pendingPairingRequests()).containsExactly(requestId);

        assertThat(gw.approvePairing(requestId)).isTrue();
        GatewayClient second = open(gw);
        JsonNode hello = second.call("connect", device.sign(Connects.params(4, 4, "cli", "cli"), second.challenge()));
        assertThat(hello.get("payload").get("auth").has("deviceToken")).isTrue();
        assertThat(gw.approvePairing(requestId)).isFalse();
    }

    @Test
    void clearScopesGrantsNothing() {
        TestGateway gw = gateway();
        gw.faults().clearScopes();

        GatewayClient client = client(gw);

        assertThat(client.received().get(1).get("payload").get("auth").get("scopes"))
                .isEmpty();
        assertThat(error(client.call("chat.send", chatSend("s", "m", "k")))
                        .get("code")
                        .asText())
                .isEqualTo("FORBIDDEN");
        gw.faults().reset();
        assertThat(client(gw).received().get(1).get("payload").get("auth").get("scopes"))
                .hasSize(3);
    }

    @Test
    void authRateLimitedIsRetryable() {
        TestGateway gw = gateway();
        gw.faults().authRateLimited();
        GatewayClient client = open(gw);

        JsonNode error = error(client.connect(Connects.backend()));

        assertThat(error.get("details").get("code").asText()).isEqualTo("AUTH_RATE_LIMITED");
        assertThat(error.get("retryable").asBoolean()).isTrue();
        assertThat(error.get("retryAfterMs").asLong()).isPositive();
        assertThat(client.awaitClose().code()).isEqualTo(1008);
        assertThat(client(gw).isOpen()).isTrue();
    }

    @Test
    void shutdownAnnouncesTheRestartClosesWith1012AndRestartListensOnTheSamePort() {
        TestGateway gw = gateway();
        GatewayClient client = client(gw);
        client.send("chat.send", chatSend("agent:main:kept", "remember me", "kept"));
        client.awaitChatEnd("kept");
        int port = gw.port();

        gw.shutdown(5000L);

        JsonNode shutdown = client.awaitEvent("shutdown");
        assertThat(shutdown.get("payload").toString())
                .isEqualTo("{\"reason\":\"gateway stopping\",\"restartExpectedMs\":5000}");
        assertThat(client.awaitClose()).isEqualTo(new GatewayClient.Close(1012, "service restart", true));
        assertThat(gw.connectionCount()).isZero();

        gw.restart();
        assertThat(gw.port()).isEqualTo(port);
        GatewayClient again = client(gw);
        JsonNode history = again.call("chat.history", object().put("sessionKey", "agent:main:kept"))
                .get("payload");
        assertThat(history.get("messages")).hasSize(2);
    }

    @Test
    void stopDropsEverySocketAbruptly() {
        TestGateway gw = gateway();
        GatewayClient client = client(gw);
        client.send("chat.send", chatSend("s", "HANG", "interrupted"));
        client.await(f -> "agent lifecycle start".equals(Transcripts.label(f)));

        gw.stop();

        assertThat(client.awaitClose().code()).isEqualTo(1006);
        assertThat(client.received())
                .noneMatch(f -> "shutdown".equals(f.path("event").asText()));
        gw.restart();
        GatewayClient again = client(gw);
        assertThat(again.call("agent.wait", object().put("runId", "interrupted").put("timeoutMs", 0))
                        .get("payload")
                        .get("status")
                        .asText())
                .isEqualTo("timeout");
    }

    private static long ticks(GatewayClient client) {
        return client.received().stream()
                .filter(f -> "tick".equals(f.path("event").asText()))
                .count();
    }
}
