package io.camelopenclaw.benchmark.peer;

/** A consumer of gateway events under test, delivering into {@link EventStreams} and starting its runs. */
interface EventSource extends AutoCloseable {

    /** How the consumer authenticated to the gateway, for the result line. */
    String auth();

    @Override
    void close();
}
