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

    /** The method with this wire name ({@code chat.send}, {@code agent}) or constant name, in any case. */
    public static RunMethod of(String name) {
        for (RunMethod method : values()) {
            if (method.wireName.equalsIgnoreCase(name.trim()) || method.name().equalsIgnoreCase(name.trim())) {
                return method;
            }
        }
        throw new IllegalArgumentException("runMethod must be chat.send or agent, got " + name);
    }

    @Override
    public String toString() {
        return wireName;
    }

    /** The method name on the wire. */
    public String wireName() {
        return wireName;
    }
}
