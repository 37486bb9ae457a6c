package io.camelopenclaw.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 device identity (JDK built-in): the key pair, the device id ({@code hex(sha256(raw public key))}) and
 * the base64url raw public key, as the gateway expects them. {@link #toString()} shows only the device id.
 */
public final class DeviceIdentity {

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final byte[] rawPublicKey;
    private final String deviceId;

    private DeviceIdentity(PrivateKey privateKey, byte[] rawPublicKey) {
        this.privateKey = privateKey;
        this.rawPublicKey = rawPublicKey.clone();
        this.deviceId = deriveDeviceId(rawPublicKey);
    }

    /** A new random identity. */
    public static DeviceIdentity generate() {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new DeviceIdentity(kp.getPrivate(), rawKey(kp.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM", e);
        }
    }

    /** Restores an identity from its PKCS#8 private key and raw 32-byte public key. */
    public static DeviceIdentity restore(byte[] pkcs8PrivateKey, byte[] rawPublicKey) {
        try {
            PrivateKey key =
                    KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8PrivateKey));
            DeviceIdentity identity = new DeviceIdentity(key, rawPublicKey);
            identity.verifyKeyPair();
            return identity;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("stored device identity is not a valid Ed25519 key pair", e);
        }
    }

    private void verifyKeyPair() throws GeneralSecurityException {
        byte[] probe = "camel-openclaw key check".getBytes(StandardCharsets.UTF_8);
        byte[] spki = new byte[X509_PREFIX.length + rawPublicKey.length];
        System.arraycopy(X509_PREFIX, 0, spki, 0, X509_PREFIX.length);
        System.arraycopy(rawPublicKey, 0, spki, X509_PREFIX.length, rawPublicKey.length);
        PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pub);
        verifier.update(probe);
        if (!verifier.verify(signBytes(probe))) {
            throw new GeneralSecurityException("public key does not match private key");
        }
    }

    private static byte[] rawKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    private static String deriveDeviceId(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The device id: lower-case hex SHA-256 of the raw public key (64 characters). */
    public String deviceId() {
        return deviceId;
    }

    /** The raw 32-byte public key, base64url without padding. */
    public String publicKeyBase64Url() {
        return B64URL.encodeToString(rawPublicKey);
    }

    /** The raw 32-byte public key. */
    public byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    /** The PKCS#8 encoding of the private key (for persistence only). */
    byte[] pkcs8PrivateKey() {
        return privateKey.getEncoded();
    }

    /** Signs the UTF-8 bytes of {@code payload}; base64url without padding. */
    public String sign(String payload) {
        return B64URL.encodeToString(signBytes(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] signBytes(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "DeviceIdentity[" + deviceId + "]";
    }
}
