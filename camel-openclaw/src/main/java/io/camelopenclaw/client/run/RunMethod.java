package io.camelopenclaw.client.run;

/** The gateway method that starts an agent run. */
public enum RunMethod {
    /** {@code chat.send}: acknowledged at once, the run is streamed as {@code chat}/{@code agent} events. */
    CHAT_SEND("chat.send"),
    /** {@code agent}: two-phase, {@code accepted} first, then a final answer with the run's payloads and usage. */
    AGENT("agent");

    private final String wireName;

    RunMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The method name on the wire. */
    public String wireName() {
        return wireName;
    }
}
