package io.camelopenclaw.client.run;

/** Receives a run's chunks in order, on the client's event thread; must not block. */
@FunctionalInterface
public interface RunChunkListener {

    void onChunk(RunChunk chunk);
}
