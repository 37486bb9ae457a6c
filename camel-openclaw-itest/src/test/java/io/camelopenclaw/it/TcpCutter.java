package io.camelopenclaw.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of a real gateway, so that a test can cut the client's connection (as a network
 * failure would) while the gateway and its runs go on: {@link #cut()} closes every relayed connection; new ones are
 * relayed again. Test infrastructure: a thread pair per relayed connection.
 */
final class TcpCutter implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    private TcpCutter(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-cutter-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay to the host and port of {@code gateway} ({@code ws://host:port}). */
    static TcpCutter in(URI gateway) throws IOException {
        return new TcpCutter(new InetSocketAddress(gateway.getHost(), gateway.getPort()));
    }

    /** The relay's URL, to give the client instead of the gateway's. */
    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    /** How many client connections were relayed so far. */
    int connections() {
        return accepted.get();
    }

    /** Closes every relayed connection abruptly; the gateway sees its client go, the client sees the socket fail. */
    void cut() {
        open.forEach(TcpCutter::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(upstream);
                accepted.incrementAndGet();
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // cut or closed
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "tcp-cutter-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
