package io.camelopenclaw.benchmark.peer;

/**
 * The workload of the peer bench (../shared/peer-bench, bench-common.mjs), the same for every client: run {@code i} of
 * session {@code s} sends {@code hello from bench session <s>, run <i>} to {@code agent:main:bench-<s>}, and the fake
 * gateway answers {@code ECHO: <message>}.
 */
final class PeerWorkload {

    private PeerWorkload() {}

    static String sessionKey(int session) {
        return "agent:main:bench-" + session;
    }

    static String message(int session, int run) {
        return "hello from bench session " + session + ", run " + run;
    }

    static String expectedReply(int session, int run) {
        return "ECHO: " + message(session, run);
    }

    /** Whether {@code reply} is the fake gateway's answer to run {@code run} of session {@code session}. */
    static boolean isExpectedReply(int session, int run, String reply) {
        return expectedReply(session, run).equals(reply);
    }
}
