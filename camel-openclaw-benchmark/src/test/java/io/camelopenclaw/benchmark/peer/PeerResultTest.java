package io.camelopenclaw.benchmark.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeerResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printsTheContractsFieldsInOrderRoundedLikeBenchCommon() throws Exception {
        long[] latencies = new long[100];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = (i + 1) * 1_000_000L + 123_456; // 1.123456 ms ... 100.123456 ms
        }
        CpuClock.Window window = new CpuClock.Window(2_000_000_000L, 3_000_000_000L, 500L);

        String line = new PeerResult("java-camel", 16, 20_000, latencies, window, 0, "token").toJson();

        assertThat(line).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "client",
                        "C",
                        "R",
                        "runsPerSec",
                        "p50ms",
                        "p99ms",
                        "wallMs",
                        "cpuPct",
                        "cpuUsPerRun",
                        "gwCpuPct",
                        "gwUsPerRun",
                        "errors",
                        "auth");
        assertThat(json.get("client").asText()).isEqualTo("java-camel");
        assertThat(json.get("C").asInt()).isEqualTo(16);
        assertThat(json.get("R").asInt()).isEqualTo(20_000);
        assertThat(json.get("runsPerSec").asLong()).isEqualTo(10_000);
        assertThat(json.get("p50ms").asDouble()).isEqualTo(51.123); // index floor(0.5 * 100) = 50
        assertThat(json.get("p99ms").asDouble()).isEqualTo(100.123); // index floor(0.99 * 100) = 99
        assertThat(json.get("wallMs").asLong()).isEqualTo(2000);
        assertThat(json.get("cpuPct").asLong()).isEqualTo(150);
        assertThat(json.get("cpuUsPerRun").asLong()).isEqualTo(150);
        assertThat(json.get("gwCpuPct").asLong()).isEqualTo(25);
        assertThat(json.get("gwUsPerRun").asLong()).isEqualTo(25);
        assertThat(json.get("errors").asInt()).isZero();
        assertThat(json.get("runsPerSec").isIntegralNumber()).isTrue();
        assertThat(json.get("p50ms").isFloatingPointNumber()).isTrue();
    }

    @Test
    void leavesTheGatewayFieldsOutWhenTheGatewaysCpuWasNotMeasured() throws Exception {
        CpuClock.Window window = new CpuClock.Window(1_000_000_000L, 1_000_000_000L, null);

        JsonNode json = JSON.readTree(new PeerResult("java-client", 1, 10, new long[10], window, 2, "token").toJson());

        assertThat(json.has("gwCpuPct")).isFalse();
        assertThat(json.has("gwUsPerRun")).isFalse();
        assertThat(json.get("errors").asInt()).isEqualTo(2);
    }

    @Test
    void percentilesPickASampleWithoutInterpolation() {
        long[] sorted = {1_000_000, 2_000_000, 3_000_000};

        assertThat(PeerResult.percentileMillis(sorted, 0.5)).isEqualTo(2.0);
        assertThat(PeerResult.percentileMillis(sorted, 0.99)).isEqualTo(3.0);
        assertThat(PeerResult.percentileMillis(new long[] {1_234_567}, 0.99)).isEqualTo(1.235);
        assertThat(PeerResult.percentileMillis(new long[0], 0.5)).isZero();
    }
}
