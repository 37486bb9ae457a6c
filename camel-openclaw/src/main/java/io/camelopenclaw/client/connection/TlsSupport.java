package io.camelopenclaw.client.connection;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Builds the TLS context for {@code wss://}: the caller's (or the JVM's), or one that trusts only a pinned cert. */
final class TlsSupport {

    private TlsSupport() {}

    /**
     * @param base        the caller's context, or {@code null} for the JVM default
     * @param fingerprint SHA-256 fingerprint (lower-case hex) to pin, or {@code null}
     */
    static SSLContext context(SSLContext base, String fingerprint) {
        try {
            if (fingerprint == null) {
                return base != null ? base : SSLContext.getDefault();
            }
            SSLContext pinned = SSLContext.getInstance("TLS");
            pinned.init(null, new TrustManager[] {new PinningTrustManager(fingerprint)}, null);
            return pinned;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create TLS context", e);
        }
    }

    /** The lower-case hex SHA-256 fingerprint of a certificate. */
    static String fingerprint(X509Certificate cert) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new CertificateException(e);
        }
    }

    /** Trusts exactly the server certificate whose SHA-256 fingerprint matches the pin. */
    private static final class PinningTrustManager implements X509TrustManager {
        private final String pin;

        PinningTrustManager(String pin) {
            this.pin = pin;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0 || !pin.equals(fingerprint(chain[0]))) {
                throw new CertificateException("gateway certificate does not match the pinned SHA-256 fingerprint");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
