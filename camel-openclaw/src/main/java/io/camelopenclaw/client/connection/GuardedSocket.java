package io.camelopenclaw.client.connection;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A plain TCP socket whose output stream writes each buffer whole under one lock, so that Java-WebSocket's writer
 * thread and the threads that write their frames themselves ({@link JavaWebSocket}) never interleave bytes.
 */
final class GuardedSocket extends Socket {

    private OutputStream output;

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (output == null) {
            output = new Guarded(super.getOutputStream());
        }
        return output;
    }

    /** Each call holds the lock for the whole buffer. */
    private static final class Guarded extends OutputStream {
        private final OutputStream raw;

        Guarded(OutputStream raw) {
            this.raw = raw;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            raw.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            raw.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            raw.flush();
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }
}
