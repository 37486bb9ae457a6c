package io.camelopenclaw.testgateway;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the in-process servers of the tests share on top of Java-WebSocket's server: daemon threads, no Nagle delay,
 * a start that waits until connections are accepted, and the workaround for Java-WebSocket's lost write requests.
 */
public abstract class LoopbackServer extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackServer.class);

    private final CountDownLatch started = new CountDownLatch(1);

    protected LoopbackServer(ServerSocketChannel channel) {
        super(channel);
        configure();
    }

    protected LoopbackServer(InetSocketAddress address, List<Draft> drafts) {
        super(address, drafts);
        configure();
    }

    private void configure() {
        setReuseAddr(true);
        setTcpNoDelay(true);
        setDaemon(true);
    }

    /** Starts the selector thread and waits until it accepts connections. */
    public void startListening() throws InterruptedException {
        start();
        started.await();
    }

    /**
     * Asks the selector again to write sockets that still hold queued frames. Java-WebSocket's selector can lose a
     * write request: when a frame is queued right after the selector emptied the queue but before it dropped its
     * write interest, the frame waits for the next write on that socket, which may never come.
     */
    public void flushStalled() {
        for (WebSocket socket : getConnections()) {
            if (socket.hasBufferedData()) {
                onWriteDemand(socket);
            }
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        if (socket == null) {
            LOG.error("{} listener failed", getClass().getSimpleName(), error);
            started.countDown();
        } else {
            LOG.debug("socket error", error);
        }
    }
}
