package io.camelopenclaw.benchmark.peer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuClockTest {

    @Test
    void readsUtimePlusStimeInTicksOf10Ms() {
        String stat = "24522 (node) S 1 24522 1 0 -1 4194560 6048 0 0 0 1234 56 0 0 20 0 11 0 33915 1234 5678";

        assertThat(CpuClock.cpuMillisOfStat(stat)).isEqualTo((1234 + 56) * 10L);
    }

    @Test
    void countsFieldsAfterACommandNameWithSpacesAndParentheses() {
        String stat = "7 (a) b (c) R 1 7 1 0 -1 0 0 0 0 0 300 200 0 0 20 0 1 0 1 1 1";

        assertThat(CpuClock.cpuMillisOfStat(stat)).isEqualTo(5000);
    }

    @Test
    void rejectsTextThatIsNotAStatLine() {
        assertThatThrownBy(() -> CpuClock.cpuMillisOfStat("no command name here"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a /proc/<pid>/stat line");
        assertThatThrownBy(() -> CpuClock.cpuMillisOfStat("1 (x) S 1 2 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Too few fields");
    }

    @Test
    void measuresThisProcess() {
        assertThat(CpuClock.processCpuMillis(ProcessHandle.current().pid())).isPositive();
    }
}
