package io.camelopenclaw.testgateway;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The authenticated connections and how events reach them: the scope guard of each event name, and the frame
 * {@code seq} numbering of the emulated gateway. Protocol 4 numbers each connection's events on its own from 1;
 * 2026.3.13 (protocol 3) uses one global counter, one number per broadcast, and sends targeted tool events without
 * {@code seq}.
 */
final class EventBroadcaster {

    private final boolean globalSeq;
    /** Read on every event, changed on connect and close only. */
    private final Set<ClientConnection> connections = new CopyOnWriteArraySet<>();

    private long seq;
    /** Set while the run engine plays a run end that {@link Faults#dropNextRunEnd()} drops. */
    private volatile boolean dropping;

    EventBroadcaster(int protocol) {
        this.globalSeq = protocol == 3;
    }

    /**
     * Starts delivering events to the connection and sends it hello-ok. Holding the connection's lock meanwhile
     * makes any event that already sees the connection wait for hello-ok, and once the client has read hello-ok,
     * no event misses it.
     */
    void admit(ClientConnection connection, String requestId, String helloJson) {
        synchronized (connection) {
            connections.add(connection);
            connection.respond(requestId, helloJson);
        }
    }

    void remove(ClientConnection connection) {
        connections.remove(connection);
    }

    int count() {
        return connections.size();
    }

    /** Sends an event to every connection whose scopes admit it. */
    void broadcast(String event, byte[] payload) {
        broadcast(event, payload, null);
    }

    void broadcast(String event, byte[] payload, byte[] stateVersion) {
        if (dropping) {
            skipSeq(1);
            return;
        }
        if (globalSeq) {
            synchronized (this) {
                long frameSeq = ++seq;
                for (ClientConnection c : connections) {
                    if (Scopes.mayReceive(c.scopes(), event)) {
                        c.sendEvent(event, payload, frameSeq, stateVersion);
                    }
                }
            }
            return;
        }
        for (ClientConnection c : connections) {
            if (Scopes.mayReceive(c.scopes(), event)) {
                c.sendNumbered(event, payload, stateVersion);
            }
        }
    }

    /** Sends an event to one connection, numbered like a broadcast. */
    void send(ClientConnection connection, String event, byte[] payload, byte[] stateVersion) {
        if (globalSeq) {
            synchronized (this) {
                connection.sendEvent(event, payload, ++seq, stateVersion);
            }
        } else {
            connection.sendNumbered(event, payload, stateVersion);
        }
    }

    /** Sends a targeted tool event: numbered in protocol 4, without {@code seq} in protocol 3. */
    void sendTool(ClientConnection connection, byte[] payload) {
        if (globalSeq) {
            connection.sendEvent("agent", payload, 0, null);
        } else {
            connection.sendNumbered("agent", payload, null);
        }
    }

    /** Runs {@code task} (on the run engine thread) with every event it broadcasts dropped, its seq used up. */
    void dropping(Runnable task) {
        dropping = true;
        try {
            task.run();
        } finally {
            dropping = false;
        }
    }

    void skipSeq(int n) {
        if (globalSeq) {
            synchronized (this) {
                seq += n;
            }
        } else {
            connections.forEach(c -> c.skipSeq(n));
        }
    }

    void sendTextToAll(String text) {
        connections.forEach(c -> c.send(text));
    }

    /** Drops every connection as a network failure would (see {@link ClientConnection#drop()}). */
    void dropAll() {
        connections.forEach(connection -> {
            connections.remove(connection);
            connection.drop();
        });
    }

    /** Kills every connection as a dying gateway would (see {@link ClientConnection#kill()}). */
    void killAll() {
        connections.forEach(connection -> {
            connections.remove(connection);
            connection.kill();
        });
    }

    /** Closes every connection with a close frame; no event reaches them any more. */
    void closeAll(int code, String reason) {
        connections.forEach(connection -> {
            connections.remove(connection);
            connection.close(code, reason);
        });
    }
}
