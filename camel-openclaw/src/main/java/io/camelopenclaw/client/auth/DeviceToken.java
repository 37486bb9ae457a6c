package io.camelopenclaw.client.auth;

import java.util.List;

/**
 * A device token issued by a gateway in {@code hello-ok.auth}, bound to the device, role and approved scopes.
 * {@link #toString()} hides the token.
 */
public record DeviceToken(String token, String role, List<String> scopes, Long issuedAtMs) {

    public DeviceToken {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "DeviceToken[role=" + role + ", scopes=" + scopes + ", issuedAtMs=" + issuedAtMs + ", token=***]";
    }
}
