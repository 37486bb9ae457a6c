package io.camelopenclaw.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for the embedded servers, chosen at runtime so examples and tests never collide with anything running. */
public final class FreePorts {

    private FreePorts() {}

    /** A loopback port that was free a moment ago (for servers that cannot bind port 0 and report it). */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
