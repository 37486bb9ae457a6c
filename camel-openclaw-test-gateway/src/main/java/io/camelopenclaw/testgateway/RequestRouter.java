package io.camelopenclaw.testgateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Dispatches requests of authenticated connections: unknown method, then the method's scope, then its closed params
 * schema, then the handler. Handler errors become error responses; the connection stays open.
 */
final class RequestRouter {

    /** What a method does with valid params; it answers through the connection, now or later. */
    @FunctionalInterface
    interface Handler {
        void handle(ClientConnection connection, String requestId, JsonNode params);
    }

    private record Route(Function<JsonNode, String> scope, ObjectSchema params, Handler handler) {}

    private final boolean v4;
    private final Map<String, Route> routes = new LinkedHashMap<>();

    private final Faults faults;

    RequestRouter(GatewayConfig config, Faults faults) {
        this.v4 = config.v4();
        this.faults = faults;
    }

    void register(String method, String scope, ObjectSchema params, Handler handler) {
        register(method, p -> scope, params, handler);
    }

    /** Registers a method whose required scope depends on its params (null: no scope needed). */
    void register(String method, Function<JsonNode, String> scope, ObjectSchema params, Handler handler) {
        routes.put(method, new Route(scope, params, handler));
    }

    /** The implemented methods, in registration order (advertised in hello-ok). */
    List<String> methods() {
        return new ArrayList<>(routes.keySet());
    }

    void dispatch(ClientConnection connection, FrameCodec.Request request) {
        try {
            Route route = routes.get(request.method());
            if (route == null) {
                // the real gateways' scope table is fail-closed: an unknown method needs admin before it is unknown
                if (!Scopes.satisfied(connection.scopes(), Scopes.ADMIN)) {
                    throw missingScope(Scopes.ADMIN);
                }
                throw GatewayError.invalidRequest("unknown method: " + request.method());
            }
            String scope = route.scope().apply(request.params());
            if (scope != null && !Scopes.satisfied(connection.scopes(), scope)) {
                throw missingScope(scope);
            }
            String problem = route.params().validate(request.params());
            if (problem != null) {
                throw GatewayError.invalidRequest("invalid " + request.method() + " params: " + problem);
            }
            if (faults.takeFailedRequest(request.method())) {
                throw new GatewayError(GatewayError.UNAVAILABLE, request.method() + " is unavailable (injected)");
            }
            route.handler().handle(connection, request.id(), request.params());
        } catch (GatewayError e) {
            connection.respondError(request.id(), e);
        }
    }

    private GatewayError missingScope(String scope) {
        String message = "missing scope: " + scope;
        if (!v4) {
            return GatewayError.invalidRequest(message);
        }
        return new GatewayError(GatewayError.FORBIDDEN, message)
                .details(Json.object()
                        .put("code", "MISSING_SCOPE")
                        .put("missingScope", scope)
                        .set("requiredScopes", Json.array(List.of(scope))));
    }
}
