package io.camelopenclaw.testgateway;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sessions by canonical key, in creation order. Survives gateway restarts, like the real gateway's on-disk
 * session store. Idle sessions beyond {@link #MAX_SESSIONS} are forgotten oldest first. Confined to the run engine
 * thread.
 */
final class SessionStore {

    static final int MAX_SESSIONS = 10_000;

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final int transcriptLimit;

    SessionStore(int transcriptLimit) {
        this.transcriptLimit = transcriptLimit;
    }

    Session find(String key) {
        return sessions.get(key);
    }

    /** The session, or an empty one that is not stored (what {@code chat.history} shows for an unknown key). */
    Session findOrEmpty(String key, ConnectParams creator) {
        Session session = sessions.get(key);
        return session != null ? session : new Session(key, creator, transcriptLimit);
    }

    Session getOrCreate(String key, ConnectParams creator) {
        Session session = sessions.get(key);
        if (session == null) {
            session = new Session(key, creator, transcriptLimit);
            sessions.put(key, session);
            evictIdle();
        }
        return session;
    }

    boolean delete(String key) {
        return sessions.remove(key) != null;
    }

    List<Session> all() {
        return new ArrayList<>(sessions.values());
    }

    private void evictIdle() {
        Iterator<Session> oldest = sessions.values().iterator();
        while (sessions.size() > MAX_SESSIONS && oldest.hasNext()) {
            if (oldest.next().idle()) {
                oldest.remove();
            }
        }
    }
}
