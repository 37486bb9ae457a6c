package io.camelopenclaw.testgateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import io.camelopenclaw.testgateway.ConnectParams.Device;

/**
 * Verifies the Ed25519 {@code device} proof of a connect request with the JDK's built-in Ed25519: key encoding,
 * {@code device.id = hex(sha256(raw key))}, challenge nonce, ±120 s clock skew, and the signature over the
 * {@code v3|…} payload (the {@code v2|…} form is accepted too).
 */
final class DeviceIdentityVerifier {

    static final long MAX_SKEW_MS = 120_000;

    /** The X.509 SubjectPublicKeyInfo prefix of a raw 32-byte Ed25519 key. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private DeviceIdentityVerifier() {}

    /** Checks the proof; throws the matching {@code DEVICE_AUTH_*} error (close 1008) when it does not hold. */
    static void verify(ConnectParams connect, String expectedNonce, long now) {
        Device device = connect.device();
        byte[] rawKey = decodePublicKey(device.publicKey());
        if (rawKey == null) {
            throw failure("DEVICE_AUTH_PUBLIC_KEY_INVALID", "device-public-key", "device public key invalid");
        }
        if (!deviceId(rawKey).equals(device.id())) {
            throw failure("DEVICE_AUTH_DEVICE_ID_MISMATCH", "device-id-mismatch", "device identity mismatch");
        }
        if (device.nonce() == null || device.nonce().isEmpty()) {
            throw failure("DEVICE_AUTH_NONCE_REQUIRED", "device-nonce-missing", "device nonce required");
        }
        if (!device.nonce().equals(expectedNonce)) {
            throw failure("DEVICE_AUTH_NONCE_MISMATCH", "device-nonce-mismatch", "device nonce mismatch");
        }
        if (Math.abs(now - device.signedAt()) > MAX_SKEW_MS) {
            throw failure("DEVICE_AUTH_SIGNATURE_EXPIRED", "device-signature-stale", "device signature expired");
        }
        byte[] signature = decodeBase64(device.signature());
        PublicKey key = publicKey(rawKey);
        if (signature == null
                || key == null
                || !(verifies(key, signature, payload(connect, "v3"))
                        || verifies(key, signature, payload(connect, "v2")))) {
            throw failure("DEVICE_AUTH_SIGNATURE_INVALID", "device-signature", "device signature invalid");
        }
    }

    /** {@code hex(sha256(raw))}, lowercase. */
    static String deviceId(byte[] rawKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed payload string of the given version ({@code v3} or {@code v2}). */
    static String payload(ConnectParams connect, String version) {
        Device device = connect.device();
        String common = String.join(
                "|",
                version,
                device.id(),
                connect.clientId(),
                connect.clientMode(),
                connect.role(),
                String.join(",", connect.rawScopes()),
                Long.toString(device.signedAt()),
                signedToken(connect),
                device.nonce());
        return "v2".equals(version)
                ? common
                : common + "|" + normalize(connect.platform()) + "|" + normalize(connect.deviceFamily());
    }

    /** The token a client signs: {@code auth.token ?? auth.deviceToken ?? auth.bootstrapToken ?? ""}. */
    static String signedToken(ConnectParams connect) {
        if (connect.authToken() != null) {
            return connect.authToken();
        }
        if (connect.authDeviceToken() != null) {
            return connect.authDeviceToken();
        }
        return connect.authBootstrapToken() != null ? connect.authBootstrapToken() : "";
    }

    /** The raw 32-byte key from base64url/base64 (padded or not) or a PEM SPKI block; null when invalid. */
    static byte[] decodePublicKey(String encoded) {
        String text = encoded.trim();
        if (text.startsWith("-----BEGIN")) {
            byte[] spki = decodeBase64(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return spki != null && spki.length == SPKI_PREFIX.length + 32 ? tail(spki) : null;
        }
        byte[] raw = decodeBase64(text);
        return raw != null && raw.length == 32 ? raw : null;
    }

    private static byte[] tail(byte[] spki) {
        byte[] raw = new byte[32];
        System.arraycopy(spki, SPKI_PREFIX.length, raw, 0, 32);
        return raw;
    }

    private static byte[] decodeBase64(String text) {
        String unpadded = text.replace('+', '-').replace('/', '_').replace("=", "");
        try {
            return Base64.getUrlDecoder().decode(unpadded);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static PublicKey publicKey(byte[] rawKey) {
        byte[] spki = new byte[SPKI_PREFIX.length + rawKey.length];
        System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
        System.arraycopy(rawKey, 0, spki, SPKI_PREFIX.length, rawKey.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static boolean verifies(PublicKey key, byte[] signature, String payload) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(payload.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Trims and lowercases ASCII A–Z only (not locale-aware), as the gateway does; null becomes "". */
    private static String normalize(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.trim());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return out.toString();
    }

    private static GatewayError failure(String code, String reason, String message) {
        return GatewayError.invalidRequest(message)
                .details(Json.object().put("code", code).put("reason", reason))
                .closing(ConnectValidator.CLOSE_POLICY);
    }
}
