package io.camelopenclaw.client.connection;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayError;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.GatewayRequestException;
import io.camelopenclaw.client.error.MissingScopeException;
import io.camelopenclaw.client.error.PairingRequiredException;
import io.camelopenclaw.client.json.JsonValues;

/**
 * Reads the gateway's {@code ErrorShape} and turns it into typed exceptions. Classification uses {@code code} and
 * {@code details.code}, never message text — except the protocol-3 missing-scope answer, which carries no code.
 */
final class GatewayErrors {

    /** Connect answers that no retry fixes until someone changes configuration, credentials or approves pairing. */
    private static final Set<String> NEEDS_OPERATOR = Set.of(
            "AUTH_REQUIRED",
            "AUTH_UNAUTHORIZED",
            "AUTH_TOKEN_MISSING",
            "AUTH_TOKEN_MISMATCH",
            "AUTH_TOKEN_NOT_CONFIGURED",
            "AUTH_PASSWORD_MISSING",
            "AUTH_PASSWORD_MISMATCH",
            "AUTH_PASSWORD_NOT_CONFIGURED",
            "AUTH_BOOTSTRAP_TOKEN_INVALID",
            "AUTH_DEVICE_TOKEN_MISMATCH",
            "AUTH_SCOPE_MISMATCH",
            "AUTH_RATE_LIMITED",
            "AUTH_IDENTITY_HEADER_REQUIRED",
            "AUTH_VERIFIED_USER_REQUIRED",
            "CONTROL_UI_BUILD_MISMATCH",
            "CONTROL_UI_ORIGIN_NOT_ALLOWED",
            "CONTROL_UI_DEVICE_IDENTITY_REQUIRED",
            "PROTOCOL_MISMATCH",
            "DEVICE_IDENTITY_REQUIRED",
            "DEVICE_AUTH_INVALID",
            "DEVICE_AUTH_DEVICE_ID_MISMATCH",
            "DEVICE_AUTH_SIGNATURE_INVALID",
            "DEVICE_AUTH_PUBLIC_KEY_INVALID",
            "PAIRING_REQUIRED",
            "CLIENT_VERSION_MISMATCH");

    private static final Pattern LEGACY_MISSING_SCOPE = Pattern.compile("missing scope: (\\S+)");

    private GatewayErrors() {}

    /** Parses {@code error} of a {@code res ok:false} frame. */
    public static GatewayError parse(JsonNode error) {
        if (error == null || !error.isObject()) {
            return new GatewayError("UNKNOWN", "gateway answered ok:false without an error", null, false, null, null);
        }
        JsonNode details = error.get("details");
        return new GatewayError(
                JsonValues.text(error, "code"),
                JsonValues.text(error, "message"),
                details == null ? null : JsonValues.text(details, "code"),
                Boolean.TRUE.equals(JsonValues.bool(error, "retryable")),
                JsonValues.number(error, "retryAfterMs"),
                JsonValues.toMap(details));
    }

    /** The exception for a failed method call. */
    public static GatewayException forMethod(String method, GatewayError error) {
        if ("MISSING_SCOPE".equals(error.detailsCode())) {
            String scope = error.detail("missingScope");
            return new MissingScopeException(method, error, scope == null ? List.of() : List.of(scope));
        }
        Matcher legacy = error.message() == null ? null : LEGACY_MISSING_SCOPE.matcher(error.message());
        if (error.detailsCode() == null && legacy != null && legacy.find()) {
            return new MissingScopeException(method, error, List.of(legacy.group(1)));
        }
        return new GatewayRequestException(method, error);
    }

    /** The exception for a refused {@code connect}. */
    public static GatewayConnectException forConnect(GatewayError error) {
        String dc = error.detailsCode();
        if ("PAIRING_REQUIRED".equals(dc)) {
            return new PairingRequiredException(error);
        }
        boolean protocolMismatch =
                "PROTOCOL_MISMATCH".equals(dc) || error.details().containsKey("expectedProtocol");
        boolean needsOperator = protocolMismatch
                || (dc != null
                        ? NEEDS_OPERATOR.contains(dc)
                        : !(error.retryable() || "UNAVAILABLE".equals(error.code())));
        String what = protocolMismatch
                ? "Gateway protocol mismatch (gateway expects protocol " + error.detail("expectedProtocol") + ")"
                : "Gateway refused the connection: " + error.code() + " " + error.message();
        return new GatewayConnectException(what, error, needsOperator);
    }
}
