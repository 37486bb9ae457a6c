package io.camelopenclaw.client.error;

import java.util.List;

/**
 * The connection lacks an operator scope the caller needs. Raised after {@code hello-ok} when the granted scopes do not
 * cover the required ones (gateways silently clear scopes for device-less or unpaired non-local clients), and for
 * {@code FORBIDDEN}/{@code MISSING_SCOPE} method answers.
 */
public class MissingScopeException extends GatewayException {

    private final List<String> missingScopes;

    public MissingScopeException(List<String> missingScopes, List<String> grantedScopes) {
        super(
                "Gateway connection lacks scope(s) " + missingScopes + " (granted: " + grantedScopes
                        + "); use a device identity and pairing, or a local gateway-client/backend connection [MISSING_SCOPE]",
                new GatewayError(null, null, "MISSING_SCOPE", false, null, null));
        this.missingScopes = List.copyOf(missingScopes);
    }

    public MissingScopeException(String method, GatewayError error, List<String> missingScopes) {
        super("Gateway method " + method + " failed: " + error.message(), error);
        this.missingScopes = List.copyOf(missingScopes);
    }

    /** The scopes that are missing. */
    public List<String> missingScopes() {
        return missingScopes;
    }
}
