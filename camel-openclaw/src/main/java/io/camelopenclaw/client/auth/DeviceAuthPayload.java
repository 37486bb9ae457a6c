package io.camelopenclaw.client.auth;

import java.util.List;

/**
 * Builds the string a device signs in the {@code connect} handshake, in the {@code v3} form both protocol generations
 * verify: {@code v3|deviceId|client.id|client.mode|role|scopes csv|signedAtMs|token|nonce|platform|deviceFamily}.
 */
public final class DeviceAuthPayload {

    private DeviceAuthPayload() {}

    /**
     * @param token the shared token, else the device token, else empty — the same value the gateway takes from
     *              {@code auth.token ?? auth.deviceToken}
     */
    public static String v3(
            String deviceId,
            String clientId,
            String clientMode,
            String role,
            List<String> scopes,
            long signedAtMs,
            String token,
            String nonce,
            String platform,
            String deviceFamily) {
        return String.join(
                "|",
                "v3",
                deviceId,
                clientId,
                clientMode,
                role,
                String.join(",", scopes),
                Long.toString(signedAtMs),
                token == null ? "" : token,
                nonce,
                normalize(platform),
                normalize(deviceFamily));
    }

    /** Trims and lower-cases ASCII A-Z only (not locale-aware), as the gateway does; {@code null} becomes "". */
    static String normalize(String value) {
        if (value == null) {
            return "";
        }
        String trimmed = value.trim();
        StringBuilder sb = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return sb.toString();
    }
}
