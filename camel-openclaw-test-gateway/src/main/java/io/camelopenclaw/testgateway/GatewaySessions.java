package io.camelopenclaw.testgateway;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Read access to the gateway's sessions for test assertions, obtained from {@link TestGateway#sessions()}. */
public final class GatewaySessions {

    private final TestGateway gateway;
    private final SessionStore store;
    private final SessionViews views;

    GatewaySessions(TestGateway gateway, SessionStore store, SessionViews views) {
        this.gateway = gateway;
        this.store = store;
        this.views = views;
    }

    /** The canonical keys of all sessions, in creation order. */
    public List<String> keys() {
        return gateway.onEngine(
                () -> store.all().stream().map(session -> session.key).toList());
    }

    /**
     * The whole transcript of a session (the key is canonicalized), oldest first, each message exactly as
     * {@code chat.history} shows it for the emulated protocol; empty for an unknown session.
     */
    public List<JsonNode> history(String sessionKey) {
        String key = SessionKeys.canonical(sessionKey);
        return gateway.onEngine(() -> {
            Session session = store.find(key);
            return session == null ? List.of() : List.copyOf(views.messages(session, 0));
        });
    }
}
