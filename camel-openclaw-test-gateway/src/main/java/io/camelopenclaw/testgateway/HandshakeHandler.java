package io.camelopenclaw.testgateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-auth phase of a connection: the {@code connect.challenge}, the handshake timeout, the pre-auth frame
 * rules (64 KiB, JSON, first request must be {@code connect}), then validation, authentication and hello-ok.
 */
final class HandshakeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeHandler.class);

    static final int CLOSE_NORMAL = 1000;
    static final int CLOSE_TOO_BIG = 1009;
    static final int CLOSE_TRY_AGAIN_LATER = 1013;

    private static final byte[] UPDATE_AVAILABLE =
            Json.utf8("{\"updateAvailable\":null,\"schedule\":{\"channel\":\"stable\",\"autoEnabled\":false}}");

    private final GatewayConfig config;
    private final ConnectValidator validator;
    private final ConnectAuthenticator authenticator;
    private final ServerInfo info;
    private final EventBroadcaster broadcaster;
    private final Faults faults;
    private final RequestLog requests;
    private final RunEngine engine;

    HandshakeHandler(
            GatewayConfig config,
            ConnectAuthenticator authenticator,
            ServerInfo info,
            EventBroadcaster broadcaster,
            Faults faults,
            RequestLog requests,
            RunEngine engine) {
        this.config = config;
        this.validator = new ConnectValidator(config.protocol());
        this.authenticator = authenticator;
        this.info = info;
        this.broadcaster = broadcaster;
        this.faults = faults;
        this.requests = requests;
        this.engine = engine;
    }

    /** Sends the challenge and arms the handshake timeout (close 1000, empty reason). */
    void opened(ClientConnection connection) {
        long now = System.currentTimeMillis();
        byte[] payload = Json.stream(g -> {
            g.writeStartObject();
            g.writeStringField("nonce", connection.nonce());
            g.writeNumberField("ts", now);
            if (config.v4()) {
                g.writeArrayFieldStart("capabilities");
                g.writeString("model-catalog-snapshot");
                g.writeEndArray();
            }
            g.writeEndObject();
        });
        connection.sendEvent("connect.challenge", payload, 0, null);
        engine.schedule(
                () -> {
                    if (!connection.authenticated()) {
                        connection.close(CLOSE_NORMAL, "");
                    }
                },
                config.handshakeTimeout().toMillis());
    }

    /** A frame before hello-ok. */
    void received(ClientConnection connection, String text) {
        if (FrameCodec.exceeds(text, GatewayConfig.MAX_PREAUTH_PAYLOAD)) {
            connection.close(CLOSE_TOO_BIG, "preauth payload too large");
            return;
        }
        JsonNode frame;
        try {
            frame = Json.parse(text);
        } catch (JsonProcessingException e) {
            connection.close(CLOSE_NORMAL, "");
            return;
        }
        FrameCodec.Request request = FrameCodec.parseRequest(frame);
        if (request == null || !"connect".equals(request.method())) {
            GatewayError error = GatewayError.invalidRequest("invalid handshake: first request must be connect")
                    .closing(ConnectValidator.CLOSE_POLICY);
            if (request == null) {
                connection.close(error.closeCode(), error.closeReason());
            } else {
                requests.add(new ReceivedRequest(connection.connId(), request.method(), request.params()));
                connection.respondError(request.id(), error);
            }
            return;
        }
        requests.add(new ReceivedRequest(connection.connId(), request.method(), request.params()));
        connect(connection, request);
    }

    private void connect(ClientConnection connection, FrameCodec.Request request) {
        try {
            if (faults.takeStartupUnavailable()) {
                throw new GatewayError(GatewayError.UNAVAILABLE, "gateway starting; retry shortly")
                        .retryAfter(500)
                        .details(Json.object().put("reason", "startup-sidecars"))
                        .closing(CLOSE_TRY_AGAIN_LATER, "gateway starting");
            }
            ConnectParams params = validator.validate(request.params());
            ConnectAuthenticator.Grant grant = authenticator.authenticate(
                    params, connection.nonce(), connection.origin(), System.currentTimeMillis());
            connection.authenticate(params, grant);
            broadcaster.admit(connection, request.id(), info.hello(connection, grant));
            LOG.debug(
                    "connection {} authenticated as {}/{} via {} with scopes {}",
                    connection.connId(),
                    params.clientId(),
                    params.clientMode(),
                    grant.method(),
                    grant.scopes());
            if (config.v4()) {
                broadcaster.send(connection, "update.available", UPDATE_AVAILABLE, null);
            }
            broadcaster.send(connection, "health", info.healthEvent(), info.nextStateVersion());
        } catch (GatewayError e) {
            LOG.debug("connect of {} rejected: {}", connection.connId(), e.getMessage());
            connection.respondError(request.id(), e);
        }
    }
}
