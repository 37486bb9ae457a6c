package io.camelopenclaw.client.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayClientOptionsTest {

    @Test
    void httpUrlsAreConvertedToWebSocketUrls() {
        assertThat(GatewayClientOptions.normalizeUrl("http://gw:1").toString()).isEqualTo("ws://gw:1");
        assertThat(GatewayClientOptions.normalizeUrl("HTTPS://gw.example.com/x").toString())
                .isEqualTo("wss://gw.example.com/x");
        assertThat(GatewayClientOptions.normalizeUrl(" wss://gw ").toString()).isEqualTo("wss://gw");
        assertThatThrownBy(() -> GatewayClientOptions.normalizeUrl("ftp://gw"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GatewayClientOptions.normalizeUrl("ws://"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsAreExplicitScopesAndTheBackendIdentity() {
        GatewayClientOptions o = GatewayClientOptions.builder().token("s3cret").build();
        assertThat(o.url().toString()).isEqualTo("ws://127.0.0.1:18789");
        assertThat(o.scopes()).containsExactly("operator.read", "operator.write");
        assertThat(o.requiredScopes()).isEqualTo(o.scopes());
        assertThat(o.clientId()).isEqualTo("gateway-client");
        assertThat(o.clientMode()).isEqualTo("backend");
        assertThat(o.minProtocol()).isEqualTo(3);
        assertThat(o.maxProtocol()).isEqualTo(4);
        assertThat(o.origin()).isNull();
        assertThat(o.toString()).doesNotContain("s3cret").contains("auth=token");
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(
                        () -> GatewayClientOptions.builder().protocolRange(2, 4).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GatewayClientOptions.builder().reconnectJitter(2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GatewayClientOptions.builder().eventQueueCapacity(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GatewayClientOptions.builder()
                        .certificateFingerprint("AB:CD")
                        .build()
                        .certificateFingerprint())
                .isEqualTo("abcd");
        assertThat(GatewayClientOptions.builder()
                        .requiredScopes(List.of("operator.read"))
                        .build()
                        .requiredScopes())
                .containsExactly("operator.read");
    }
}
