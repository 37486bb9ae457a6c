package io.camelopenclaw.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.json.JsonValues;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Tells whether an OpenClaw gateway answers at a {@code ws://} address, without logging in: a gateway sends the event
 * {@code connect.challenge} as soon as a WebSocket opens. The probe opens one, waits for that event and closes again.
 */
public final class GatewayProbe {

    /** What a probe found. */
    public enum Result {
        /** A gateway answered with {@code connect.challenge}. */
        ANSWERING,
        /** Nothing accepts connections at the address. */
        NOT_LISTENING,
        /** Something accepts connections but sent no {@code connect.challenge} in time: no gateway, or a hung one. */
        NOT_ANSWERING
    }

    private GatewayProbe() {}

    /** Probes {@code url}; the future completes (never fails) within about {@code timeout}. */
    public static CompletableFuture<Result> probe(URI url, Duration timeout) {
        ProbeSocket socket = new ProbeSocket(url, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        CompletableFuture<Result> result =
                socket.result.completeOnTimeout(Result.NOT_ANSWERING, timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((found, error) -> socket.close());
        socket.connect();
        return result.copy();
    }

    /** One probe connection. */
    private static final class ProbeSocket extends WebSocketClient {

        private final CompletableFuture<Result> result = new CompletableFuture<>();
        private volatile boolean opened;

        ProbeSocket(URI url, int connectTimeoutMillis) {
            super(url, new Draft_6455(), null, connectTimeoutMillis);
            setConnectionLostTimeout(0);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened = true;
        }

        @Override
        public void onMessage(String message) {
            result.complete(isChallenge(message) ? Result.ANSWERING : Result.NOT_ANSWERING);
        }

        /** {@link CloseFrame#NEVER_CONNECTED}: the TCP connection failed; any other code: something answered. */
        @Override
        public void onClose(int code, String reason, boolean remote) {
            result.complete(
                    code == CloseFrame.NEVER_CONNECTED && !opened ? Result.NOT_LISTENING : Result.NOT_ANSWERING);
        }

        @Override
        public void onError(Exception error) {
            if (error instanceof ConnectException) {
                result.complete(Result.NOT_LISTENING);
            }
        }

        private static boolean isChallenge(String message) {
            try {
                JsonNode frame = JsonValues.parse(message);
                return "event".equals(frame.path("type").asText())
                        && "connect.challenge".equals(frame.path("event").asText());
            } catch (IOException e) {
                return false;
            }
        }
    }
}
