package io.camelopenclaw.benchmark.peer;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeerSettingsTest {

    @Test
    void takesCAndRFromTheArgumentsAndTheRestFromTheEnvironment() {
        PeerSettings settings = PeerSettings.of(
                new String[] {"256", "100000"},
                Map.of(
                        "MODE",
                        "camel",
                        "GW_URL",
                        "ws://127.0.0.1:1234",
                        "TOKEN",
                        "t",
                        "GW_PID",
                        "42",
                        "WORKER_POOL_SIZE",
                        "2"));

        assertThat(settings)
                .isEqualTo(new PeerSettings(256, 100_000, 10_000, "ws://127.0.0.1:1234", "t", 42L, "camel", 2));
    }

    @Test
    void defaultsLikeBenchCommon() {
        PeerSettings settings = PeerSettings.of(new String[] {"1", "45"}, Map.of("MODE", "client"));

        assertThat(settings.warmup()).isEqualTo(5); // ceil(45 / 10)
        assertThat(settings.gatewayUrl()).isEqualTo("ws://127.0.0.1:28799");
        assertThat(settings.token()).isEqualTo("fake-token");
        assertThat(settings.gatewayPid()).isNull();
        assertThat(settings.workerPoolSize()).isNull(); // the component's default
        assertThat(PeerSettings.of(new String[] {"1", "45"}, Map.of("MODE", "client", "WARMUP", "0"))
                        .warmup())
                .isZero();
    }

    @Test
    void rejectsAnUnknownModeAndNonPositiveCounts() {
        assertThatThrownBy(() -> PeerSettings.of(new String[] {"1", "1"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MODE must be camel or client");
        assertThatThrownBy(() -> PeerSettings.of(new String[] {"1", "1"}, Map.of("MODE", "official")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'official'");
        assertThatThrownBy(() -> PeerSettings.of(new String[] {"0", "1"}, Map.of("MODE", "camel")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C and R must be positive");
        assertThatThrownBy(() -> PeerSettings.of(new String[] {"x", "1"}, Map.of("MODE", "camel")))
                .isInstanceOf(NumberFormatException.class);
    }
}
