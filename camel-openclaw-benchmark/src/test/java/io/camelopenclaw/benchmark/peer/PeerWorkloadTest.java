package io.camelopenclaw.benchmark.peer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeerWorkloadTest {

    @Test
    void namesSessionsAndMessagesLikeBenchCommon() {
        assertThat(PeerWorkload.sessionKey(7)).isEqualTo("agent:main:bench-7");
        assertThat(PeerWorkload.message(7, 263)).isEqualTo("hello from bench session 7, run 263");
        assertThat(PeerWorkload.expectedReply(7, 263)).isEqualTo("ECHO: hello from bench session 7, run 263");
    }

    @Test
    void acceptsOnlyTheEchoOfThatRun() {
        assertThat(PeerWorkload.isExpectedReply(1, 2, "ECHO: hello from bench session 1, run 2"))
                .isTrue();
        assertThat(PeerWorkload.isExpectedReply(1, 2, "ECHO: hello from bench session 1, run 3"))
                .isFalse();
        assertThat(PeerWorkload.isExpectedReply(1, 2, "ECHO: hello from bench session 2, run 2"))
                .isFalse();
        assertThat(PeerWorkload.isExpectedReply(1, 2, "hello from bench session 1, run 2"))
                .isFalse();
        assertThat(PeerWorkload.isExpectedReply(1, 2, "ECHO: hello from bench session 1, run 2 "))
                .isFalse();
        assertThat(PeerWorkload.isExpectedReply(1, 2, "")).isFalse();
        assertThat(PeerWorkload.isExpectedReply(1, 2, null)).isFalse();
    }
}
