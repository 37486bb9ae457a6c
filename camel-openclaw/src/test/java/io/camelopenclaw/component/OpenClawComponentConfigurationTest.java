package io.camelopenclaw.component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.run.RunMethod;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options from URIs, component defaults and properties, and what they become on the gateway connection. */
class OpenClawComponentConfigurationTest extends OpenClawTestSupport {

    private OpenClawEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, OpenClawEndpoint.class);
    }

    @Test
    void everyUriOptionReachesTheEndpointConfiguration() {
        OpenClawConfiguration c = endpoint("openclaw:agent?gatewayUrl=wss://gw.example:443&token=t1&password=p1"
                        + "&deviceIdentity=true&deviceIdentityFile=/tmp/id.json"
                        + "&scopes=operator.read&clientDisplayName=orders&toolEvents=false"
                        + "&connectTimeout=2s&requestTimeout=3000&reconnectInitialDelay=100"
                        + "&reconnectMaxDelay=1m&maxReconnectAttempts=7"
                        + "&certificateFingerprint=AB:CD&handshake.x-one=1"
                        + "&sessionKey=agent:main:s&runMethod=agent&agentId=ops&thinking=high"
                        + "&deliver=true&extraSystemPrompt=short&suppressCommandInterpretation=false"
                        + "&runTimeout=90s&idleTimeout=20000&streamTo=mock:chunks"
                        + "&method=status&payloadFormat=json&events=chat,presence&runId=r1"
                        + "&streams=tool&states=final&queueCapacity=5&concurrentConsumers=3")
                .getConfiguration();

        assertThat(c.getGatewayUrl()).isEqualTo("wss://gw.example:443");
        assertThat(c.getToken()).isEqualTo("t1");
        assertThat(c.getPassword()).isEqualTo("p1");
        assertThat(c.isDeviceIdentity()).isTrue();
        assertThat(c.getDeviceIdentityFile()).isEqualTo("/tmp/id.json");
        assertThat(c.getScopes()).isEqualTo("operator.read");
        assertThat(c.getClientDisplayName()).isEqualTo("orders");
        assertThat(c.isToolEvents()).isFalse();
        assertThat(c.getConnectTimeout()).isEqualTo(2000);
        assertThat(c.getRequestTimeout()).isEqualTo(3000);
        assertThat(c.getReconnectInitialDelay()).isEqualTo(100);
        assertThat(c.getReconnectMaxDelay()).isEqualTo(60_000);
        assertThat(c.getMaxReconnectAttempts()).isEqualTo(7);
        assertThat(c.getCertificateFingerprint()).isEqualTo("AB:CD");
        assertThat(c.getHandshakeHeaders()).containsEntry("x-one", "1");
        assertThat(c.getSessionKey()).isEqualTo("agent:main:s");
        assertThat(c.getRunMethod()).isEqualTo(RunMethod.AGENT);
        assertThat(c.getAgentId()).isEqualTo("ops");
        assertThat(c.getThinking()).isEqualTo("high");
        assertThat(c.isDeliver()).isTrue();
        assertThat(c.getExtraSystemPrompt()).isEqualTo("short");
        assertThat(c.isSuppressCommandInterpretation()).isFalse();
        assertThat(c.getRunTimeout()).isEqualTo(90_000);
        assertThat(c.getIdleTimeout()).isEqualTo(20_000);
        assertThat(c.getStreamTo()).isEqualTo("mock:chunks");
        assertThat(c.getMethod()).isEqualTo("status");
        assertThat(c.getPayloadFormat()).isEqualTo(PayloadFormat.JSON);
        assertThat(c.getEvents()).isEqualTo("chat,presence");
        assertThat(c.getRunId()).isEqualTo("r1");
        assertThat(c.getStreams()).isEqualTo("tool");
        assertThat(c.getStates()).isEqualTo("final");
        assertThat(c.getQueueCapacity()).isEqualTo(5);
        assertThat(c.getConcurrentConsumers()).isEqualTo(3);
    }

    @Test
    void defaultsMatchTheDocumentedValues() {
        OpenClawConfiguration c = new OpenClawConfiguration();

        assertThat(c.getGatewayUrl()).isNull(); // resolved later: environment, then DEFAULT_GATEWAY_URL
        assertThat(c.getScopes()).isEqualTo("operator.read,operator.write");
        assertThat(c.getRunMethod()).isEqualTo(RunMethod.CHAT_SEND);
        assertThat(c.isSuppressCommandInterpretation()).isTrue();
        assertThat(c.isToolEvents()).isTrue();
        assertThat(c.isDeviceIdentity()).isTrue();
        assertThat(c.getRunTimeout()).isEqualTo(600_000);
        assertThat(c.getIdleTimeout()).isZero();
        assertThat(c.getConnectTimeout()).isEqualTo(15_000);
        assertThat(c.getRequestTimeout()).isEqualTo(30_000);
        assertThat(c.getEvents()).isEqualTo("agent,chat");
        assertThat(c.getPayloadFormat()).isEqualTo(PayloadFormat.MAP);
        assertThat(c.getQueueCapacity()).isEqualTo(1000);
        assertThat(c.getConcurrentConsumers()).isEqualTo(1);
        assertThat(new OpenClawComponent().getWorkerPoolSize()).isEqualTo(10);
    }

    @Test
    void componentDefaultsAreCopiedPerEndpoint() {
        component().getConfiguration().setHandshakeHeaders(new HashMap<>(Map.of("x-shared", "1")));
        component().getConfiguration().setThinking("low");

        OpenClawEndpoint first = endpoint("openclaw:agent?sessionKey=a&handshake.x-own=2");
        OpenClawEndpoint second = endpoint("openclaw:agent?sessionKey=b&thinking=high");

        assertThat(first.getConfiguration().getThinking()).isEqualTo("low");
        assertThat(second.getConfiguration().getThinking()).isEqualTo("high");
        assertThat(first.getConfiguration().getGatewayUrl()).isEqualTo(gw.url());
        assertThat(first.getConfiguration().getHandshakeHeaders()).containsOnlyKeys("x-shared", "x-own");
        assertThat(second.getConfiguration().getHandshakeHeaders()).containsOnlyKeys("x-shared");
        assertThat(component().getConfiguration().getHandshakeHeaders()).containsOnlyKeys("x-shared");
        assertThat(component().getConfiguration().getThinking()).isEqualTo("low");
    }

    @Test
    void componentOptionsBindFromProperties() {
        // what Camel Main does with camel.component.openclaw.gateway-url=... and camel.component.openclaw.token=...
        OpenClawComponent component = component();
        PropertyBindingSupport.build()
                .withCamelContext(context)
                .withTarget(component)
                .withIgnoreCase(true)
                .withConfigurer(component.getComponentPropertyConfigurer())
                .withProperties(mainStyle(Map.of(
                        "gateway-url",
                        "ws://gw.internal:18789",
                        "token",
                        "from-properties",
                        "run-timeout",
                        "2m",
                        "worker-pool-size",
                        "4")))
                .bind();

        assertThat(component.getConfiguration().getGatewayUrl()).isEqualTo("ws://gw.internal:18789");
        assertThat(component.getConfiguration().getToken()).isEqualTo("from-properties");
        assertThat(component.getConfiguration().getRunTimeout()).isEqualTo(120_000);
        assertThat(component.getWorkerPoolSize()).isEqualTo(4);
    }

    /** Camel Main turns dash-case keys into option names ({@code MainHelper.optionKey}) before binding them. */
    private static Map<String, Object> mainStyle(Map<String, String> properties) {
        Map<String, Object> options = new HashMap<>();
        properties.forEach((key, value) -> options.put(StringHelper.dashToCamelCase(key), value));
        return options;
    }

    @Test
    void tokenAndPasswordAreSecretsMaskedInLoggedUris() {
        Endpoint endpoint = endpoint("openclaw:rpc?method=health&token=top-secret&password=hidden-too");

        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri()))
                .doesNotContain("top-secret")
                .doesNotContain("hidden-too")
                .contains("token=xxxxxx");
        assertThat(URISupport.sanitizeUri(
                        endpoint("openclaw:channel?channelToken=chan-secret").getEndpointUri()))
                .doesNotContain("chan-secret")
                .contains("channelToken=xxxxxx");
        assertThat(new OpenClawEndpointUriFactory().secretPropertyNames())
                .containsExactlyInAnyOrder("token", "password", "channelToken");
    }

    @Test
    void endpointsTellTheirServiceLocation() {
        assertThat(endpoint("openclaw:rpc?method=health").getServiceUrl()).isEqualTo(gw.url());
        assertThat(endpoint("openclaw:rpc?method=health").getServiceProtocol()).isEqualTo("ws");
        assertThat(endpoint("openclaw:agent?gatewayUrl=wss://gw.example").getServiceProtocol())
                .isEqualTo("wss");
        assertThat(endpoint("openclaw:channel?channelUrl=wss://chat.example:18800/ws&channelToken=t0k")
                        .getServiceUrl())
                .isEqualTo("wss://chat.example:18800/ws");
    }

    @Test
    void connectionSettingsBecomeClientOptions() throws Exception {
        SSLContextParameters tls = new SSLContextParameters();
        context.getRegistry().bind("tls", tls);
        OpenClawEndpoint endpoint = endpoint("openclaw:agent?gatewayUrl=wss://gw.example&token=t&password=p"
                + "&deviceIdentity=true&deviceIdentityFile=/tmp/device.json"
                + "&scopes=operator.read, operator.write ,operator.admin"
                + "&clientDisplayName=orders&connectTimeout=2000&requestTimeout=3000"
                + "&reconnectInitialDelay=100&reconnectMaxDelay=900&maxReconnectAttempts=5"
                + "&sslContextParameters=#tls&certificateFingerprint=AB:CD:EF"
                + "&handshake.x-openclaw-scopes=operator.read&handshake.x-trace=abc");

        GatewayClientOptions options = endpoint.connectionSettings().toClientOptions(context);

        assertThat(options.url()).hasToString("wss://gw.example");
        assertThat(options.token()).isEqualTo("t");
        assertThat(options.password()).isEqualTo("p");
        assertThat(options.deviceIdentityStore().path()).hasToString("/tmp/device.json");
        assertThat(options.scopes()).containsExactly("operator.read", "operator.write", "operator.admin");
        assertThat(options.displayName()).isEqualTo("orders");
        assertThat(options.caps()).containsExactly("tool-events");
        assertThat(options.connectTimeout().toMillis()).isEqualTo(2000);
        assertThat(options.requestTimeout().toMillis()).isEqualTo(3000);
        assertThat(options.reconnectInitialDelay().toMillis()).isEqualTo(100);
        assertThat(options.reconnectMaxDelay().toMillis()).isEqualTo(900);
        assertThat(options.maxReconnectAttempts()).isEqualTo(5);
        assertThat(options.sslContext()).isNotNull();
        assertThat(options.certificateFingerprint()).isEqualTo("abcdef");
        assertThat(options.extraHeaders())
                .containsEntry("x-openclaw-scopes", "operator.read")
                .containsEntry("x-trace", "abc");
        assertThat(endpoint.connectionSettings().toString())
                .doesNotContain("t,")
                .contains("auth=token");
        assertThat(endpoint("openclaw:agent?toolEvents=false&deviceIdentity=false&deviceIdentityFile=/x")
                        .connectionSettings()
                        .toClientOptions(context))
                .satisfies(o -> {
                    assertThat(o.caps()).isEmpty();
                    assertThat(o.deviceIdentityStore()).isNull();
                });
    }

    @Test
    void settingsThatDifferOnlyInNonConnectionOptionsShareTheConnectionKey() {
        assertThat(endpoint("openclaw:agent?sessionKey=a&thinking=low").connectionSettings())
                .isEqualTo(endpoint("openclaw:rpc?method=health").connectionSettings());
        ConnectionSettings base = endpoint("openclaw:rpc?method=health").connectionSettings();
        for (String option : List.of(
                "gatewayUrl=ws://other:1",
                "token=other",
                "password=other",
                "deviceIdentity=false",
                "deviceIdentityFile=/tmp/other.json",
                "scopes=operator.admin",
                "clientDisplayName=other",
                "toolEvents=false",
                "connectTimeout=1",
                "requestTimeout=1",
                "reconnectInitialDelay=1",
                "reconnectMaxDelay=1",
                "maxReconnectAttempts=1",
                "certificateFingerprint=ab",
                "handshake.x-trace=1")) {
            assertThat(endpoint("openclaw:rpc?method=health&" + option).connectionSettings())
                    .as(option)
                    .isNotEqualTo(base);
        }
    }

    @Test
    void badEndpointsAndOptionsFailClearly() {
        assertThatThrownBy(() -> context.getEndpoint("openclaw:nonsense"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("openclaw:agent");
        assertThatThrownBy(() -> context.getEndpoint("openclaw:agent?noSuchOption=1"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("noSuchOption");
        assertThatThrownBy(() -> endpoint("openclaw:events").createProducer())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> endpoint("openclaw:rpc").createConsumer(e -> {}))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(endpoint("openclaw:agent?runMethod=chat.send")
                        .getConfiguration()
                        .getRunMethod())
                .isEqualTo(RunMethod.CHAT_SEND);
        assertThatThrownBy(() -> endpoint("openclaw:agent?runMethod=shout"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause()
                .hasMessageContaining("chat.send or agent, got shout");
        assertThatThrownBy(() -> endpoint("openclaw:rpc?payloadFormat=xml"))
                .rootCause()
                .hasMessageContaining("xml");
        assertThatThrownBy(() -> endpoint("openclaw:events?queueCapacity=0")
                        .createConsumer(e -> {})
                        .start())
                .hasMessageContaining("queueCapacity");
    }
}
