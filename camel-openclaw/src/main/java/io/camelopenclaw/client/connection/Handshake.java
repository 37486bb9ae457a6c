package io.camelopenclaw.client.connection;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.GatewayProtocolException;
import io.camelopenclaw.client.error.GatewayTimeoutException;
import io.camelopenclaw.client.json.JsonValues;
import org.slf4j.Logger;

/**
 * The handshake of one connection attempt: waits for {@code connect.challenge}, sends {@code connect} as the
 * {@link ConnectPlan} says, judges the answer, and gives up when no {@code hello-ok} arrives within the connect
 * timeout. Runs on the dispatcher thread; tells its {@link Outcome} how it ended.
 */
final class Handshake {

    /** How a handshake ends. */
    interface Outcome {

        /** The gateway accepted the client. */
        void ready(GatewaySocket socket, GatewayInfo hello);

        /** The gateway refused (or would not be usable); an operator must act when {@code needsOperator}. */
        void refused(GatewayException refusal, boolean needsOperator);

        /** The challenge could not be answered. */
        void malformed(GatewaySocket socket, String what);

        /** No {@code hello-ok} in time; the socket is being closed. */
        void timedOut(GatewayTimeoutException timeout);
    }

    private enum Phase {
        OPENING,
        AWAITING_CHALLENGE,
        AWAITING_HELLO,
        READY
    }

    private final GatewaySocket socket;
    private final ConnectPlan plan;
    private final Requests requests;
    private final Outcome outcome;
    private final Logger log;
    private Phase phase = Phase.OPENING;
    private String connectRequestId;
    private ConnectRequest connectRequest;
    private ScheduledFuture<?> timeout;

    Handshake(GatewaySocket socket, ConnectPlan plan, Requests requests, Outcome outcome, Logger log) {
        this.socket = socket;
        this.plan = plan;
        this.requests = requests;
        this.outcome = outcome;
        this.log = log;
    }

    /** Arms the connect timeout: {@code onTimeout} runs on the timer and must hand over to the dispatcher. */
    void startTimer(ScheduledExecutorService timer, Duration connectTimeout, Runnable onTimeout) {
        timeout = timer.schedule(onTimeout, connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** On the dispatcher, when the timer fired: closes the socket unless the gateway accepted the client meanwhile. */
    void timerFired(String url, Duration connectTimeout) {
        if (phase == Phase.READY) {
            return;
        }
        outcome.timedOut(new GatewayTimeoutException("No hello-ok from gateway " + url + " within "
                + connectTimeout.toMillis() + " ms (phase " + phase + ")"));
        socket.closeConnection(1000, "handshake timeout");
    }

    void cancelTimer() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }

    boolean isReady() {
        return phase == Phase.READY;
    }

    void opened() {
        if (phase == Phase.OPENING) {
            phase = Phase.AWAITING_CHALLENGE;
        }
    }

    /** Answers the challenge with {@code connect}; a second challenge is ignored. */
    void challenge(JsonNode challenge) {
        if (phase != Phase.OPENING && phase != Phase.AWAITING_CHALLENGE) {
            return;
        }
        try {
            connectRequest = plan.request(challenge);
        } catch (GatewayProtocolException e) {
            outcome.malformed(socket, e.getMessage());
            return;
        } catch (GatewayConnectException e) {
            outcome.refused(e, true);
            socket.close(1000, "device identity unavailable");
            return;
        }
        connectRequestId = requests.nextId();
        phase = Phase.AWAITING_HELLO;
        Frames.trace(log, "send", connectRequestId, "connect", connectRequest.params());
        socket.sendText(JsonValues.utf8(Frames.request(connectRequestId, "connect", connectRequest.params())));
    }

    /** Whether a response frame is the answer to {@code connect}. */
    boolean isHello(String responseId) {
        return phase == Phase.AWAITING_HELLO && responseId != null && responseId.equals(connectRequestId);
    }

    /** Judges the answer to {@code connect}. */
    void hello(JsonNode frame) {
        if (!Boolean.TRUE.equals(JsonValues.bool(frame, "ok"))) {
            GatewayConnectException refused = plan.refused(connectRequest, frame.get("error"));
            outcome.refused(refused, refused.needsOperatorAction());
            return; // the gateway closes the socket next
        }
        JsonNode payload = frame.get("payload");
        GatewayInfo hello = HelloOk.parse(payload);
        GatewayException unacceptable = plan.accept(hello, payload.get("auth"));
        if (unacceptable != null) {
            outcome.refused(unacceptable, true);
            boolean mismatch = unacceptable instanceof GatewayConnectException;
            socket.close(mismatch ? 1002 : 1000, mismatch ? "protocol mismatch" : "missing scope");
            return;
        }
        phase = Phase.READY;
        cancelTimer();
        outcome.ready(socket, hello);
    }
}
