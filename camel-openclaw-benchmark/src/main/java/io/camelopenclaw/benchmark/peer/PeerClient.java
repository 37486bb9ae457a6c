package io.camelopenclaw.benchmark.peer;

/** A client under test: starts runs, says how it authenticated, and lets go of its connection on close. */
interface PeerClient extends RunStarter, AutoCloseable {

    /** How the client authenticated to the gateway, for the result line. */
    String auth();

    @Override
    void close();
}
