package io.camelopenclaw.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.run.AgentRun;
import io.camelopenclaw.client.run.AgentRunAbortedException;
import io.camelopenclaw.client.run.AgentRunException;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.client.run.RunChunk;
import io.camelopenclaw.client.run.RunMethod;
import io.camelopenclaw.client.run.RunOutcome;
import io.camelopenclaw.test.infra.RealGateway;
import io.camelopenclaw.test.infra.RealGateways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The gateway client against real OpenClaw gateways: 2026.9.6 (protocol 4) and 2026.3.13 (protocol 3). The v3 gateway
 * clears the scopes of device-less connections, so every client here signs with a device identity.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GatewayClientIT {

    private final List<GatewayClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(GatewayClient::close);
    }

    private static RealGateway gateway(String name) {
        return "v4".equals(name) ? RealGateways.v4() : RealGateways.v3();
    }

    private static String session(String what) {
        return "agent:main:camel-it-" + what + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private GatewayClientOptions.Builder options(RealGateway gw) throws Exception {
        return GatewayClientOptions.builder()
                .url(gw.url().toString())
                .token(gw.token())
                .deviceIdentityStore(DeviceIdentityStore.file(
                        Files.createTempDirectory("oc-it").resolve("id.json")))
                .reconnectInitialDelay(Duration.ofMillis(250))
                .reconnectMaxDelay(Duration.ofSeconds(2))
                .connectTimeout(Duration.ofSeconds(30));
    }

    private GatewayClient connect(GatewayClientOptions options) throws Exception {
        GatewayClient client = GatewayClient.create(options);
        clients.add(client);
        client.connect().get(2, TimeUnit.MINUTES);
        return client;
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void tokenAndDeviceHandshakeNegotiatesTheGatewaysProtocol(String name) throws Exception {
        RealGateway gw = gateway(name);
        GatewayClient client = connect(options(gw).build());
        GatewayInfo info = client.info();
        assertThat(info.protocol()).isEqualTo(gw.protocol());
        assertThat(info.serverVersion()).isEqualTo(gw.version().toString());
        assertThat(info.policy().maxPayload()).isPositive();
        assertThat(client.request("sessions.list", Map.of())
                        .get(30, TimeUnit.SECONDS)
                        .has("sessions"))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4"})
    void tokenOnlyBackendHandshakeKeepsScopesOnProtocol4(String name) throws Exception {
        RealGateway gw = gateway(name);
        GatewayClient client = connect(options(gw).deviceIdentityStore(null).build());
        assertThat(client.info().grantedScopes()).contains("operator.read", "operator.write");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void deviceIsPairedAndTheDeviceTokenAloneReconnects(String name) throws Exception {
        RealGateway gw = gateway(name);
        Path file = Files.createTempDirectory("oc-it-pair").resolve("identity.json");
        GatewayClientOptions.Builder cli =
                options(gw).clientId("cli").clientMode("cli").deviceIdentityStore(DeviceIdentityStore.file(file));
        GatewayClient first = connect(cli.build());
        assertThat(first.info().deviceTokenIssued()).isTrue();
        assertThat(DeviceIdentityStore.file(file).deviceToken(gw.url().toString(), "operator"))
                .isPresent();
        first.close();

        GatewayClient second = connect(cli.token(null)
                .deviceIdentityStore(DeviceIdentityStore.file(file))
                .build());
        assertThat(second.status().state()).isEqualTo(ConnectionState.CONNECTED);
        if (gw.protocol() >= 4) {
            assertThat(second.info().authMethod()).isEqualTo("device-token");
        }
        assertThat(second.request("sessions.list", Map.of())
                        .get(30, TimeUnit.SECONDS)
                        .has("sessions"))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void chatSendRunIsAggregatedEndToEnd(String name) throws Exception {
        GatewayClient client = connect(options(gateway(name)).build());
        List<RunChunk> chunks = new CopyOnWriteArrayList<>();
        String session = session("chat");
        AgentRunResult r = client.startRun(AgentRunRequest.builder("hello camel")
                        .sessionKey(session)
                        .runTimeout(Duration.ofMinutes(2))
                        .chunkListener(chunks::add)
                        .build())
                .result()
                .get(3, TimeUnit.MINUTES);
        assertThat(r.outcome()).isEqualTo(RunOutcome.OK);
        assertThat(r.text()).isEqualTo("ECHO: hello camel");
        assertThat(r.sessionKey()).isEqualTo(session);
        assertThat(chunks).isNotEmpty();
        assertThat(String.join(
                        "",
                        chunks.stream()
                                .filter(c -> c.kind() == RunChunk.Kind.TEXT)
                                .map(RunChunk::text)
                                .toList()))
                .isEqualTo(r.text());

        JsonNode history = client.request("chat.history", Map.of("sessionKey", session, "limit", 10))
                .get(30, TimeUnit.SECONDS);
        List<String> texts = new ArrayList<>();
        history.path("messages")
                .forEach(m -> texts.add(
                        m.path("content").isTextual()
                                ? m.path("content").asText()
                                : m.path("content").path(0).path("text").asText()));
        assertThat(texts).contains("hello camel", "ECHO: hello camel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void agentMethodRunCompletesOnItsFinalAnswer(String name) throws Exception {
        GatewayClient client = connect(options(gateway(name)).build());
        AgentRunResult r = client.startRun(AgentRunRequest.builder("hello via agent")
                        .sessionKey(session("agent"))
                        .method(RunMethod.AGENT)
                        .runTimeout(Duration.ofMinutes(2))
                        .build())
                .result()
                .get(3, TimeUnit.MINUTES);
        assertThat(r.outcome()).isEqualTo(RunOutcome.OK);
        assertThat(r.text()).isEqualTo("ECHO: hello via agent");
        assertThat(r.usage().outputTokens()).isNotNull();
        assertThat(r.model()).isEqualTo("stub-echo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void abortStopsASlowRunMidStream(String name) throws Exception {
        GatewayClient client = connect(options(gateway(name)).build());
        List<RunChunk> chunks = new CopyOnWriteArrayList<>();
        AgentRun run = client.startRun(AgentRunRequest.builder("please answer SLOW")
                .sessionKey(session("abort"))
                .runTimeout(Duration.ofMinutes(2))
                .chunkListener(chunks::add)
                .build());
        await().atMost(Duration.ofMinutes(2)).until(() -> chunks.size() >= 2);
        run.abort().get(1, TimeUnit.MINUTES);
        Throwable t = assertThrows(ExecutionException.class, () -> run.result().get(1, TimeUnit.MINUTES))
                .getCause();
        assertThat(t).isInstanceOf(AgentRunAbortedException.class);
        AgentRunResult partial = ((AgentRunAbortedException) t).result();
        assertThat(partial.text()).startsWith("SLOW-ECHO").doesNotContain("part49");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void wrongTokenIsRefusedWithItsDetailsCode(String name) throws Exception {
        RealGateway gw = gateway(name);
        GatewayClient client =
                GatewayClient.create(options(gw).token("definitely-wrong").build());
        clients.add(client);
        Throwable t = assertThrows(
                        ExecutionException.class, () -> client.connect().get(1, TimeUnit.MINUTES))
                .getCause();
        assertThat(t)
                .isInstanceOf(GatewayConnectException.class)
                .hasMessageContaining("AUTH_TOKEN_MISMATCH")
                .hasMessageNotContaining("definitely-wrong");
        assertThat(client.status().state()).isEqualTo(ConnectionState.NEEDS_OPERATOR_ACTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v3"})
    void gatewayKilledAndRestartedMidRunEndsTheRunTypedAndTheClientRecovers(String name) throws Exception {
        RealGateway gw = gateway(name);
        GatewayClient client =
                connect(options(gw).reattachTimeout(Duration.ofSeconds(20)).build());
        List<RunChunk> chunks = new CopyOnWriteArrayList<>();
        AgentRun run = client.startRun(AgentRunRequest.builder("please answer SLOW")
                .sessionKey(session("crash"))
                .runTimeout(Duration.ofMinutes(3))
                .chunkListener(chunks::add)
                .build());
        await().atMost(Duration.ofMinutes(2)).until(() -> chunks.size() >= 2);
        gw.process().kill();
        await().atMost(Duration.ofSeconds(30)).until(() -> client.status().state() != ConnectionState.CONNECTED);
        gw.restart();
        try {
            AgentRunResult survived = run.result().get(2, TimeUnit.MINUTES);
            assertThat(survived.reattached()).isTrue();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(AgentRunException.class);
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> client.status().state() == ConnectionState.CONNECTED);
        AgentRunResult after = client.startRun(AgentRunRequest.builder("back again")
                        .sessionKey(session("after"))
                        .runTimeout(Duration.ofMinutes(2))
                        .build())
                .result()
                .get(3, TimeUnit.MINUTES);
        assertThat(after.text()).isEqualTo("ECHO: back again");
    }
}
