package io.camelopenclaw.client;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.testgateway.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code wss://} against the test gateway with a self-signed certificate made by the JDK's keytool. */
class GatewayClientTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static KeyStore keyStore;
    private static X509Certificate certificate;

    private final ClientFixture fx = new ClientFixture();

    @BeforeAll
    static void createCertificate() throws Exception {
        Path store = dir.resolve("gateway.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "gateway",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(new String(keytool.getInputStream().readAllBytes()))
                .isZero();
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        certificate = (X509Certificate) keyStore.getCertificate("gateway");
    }

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    private TestGateway tlsGateway() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        TestGateway gw = fx.gateway(b -> b.tls(server));
        assertThat(gw.url()).startsWith("wss://");
        return gw;
    }

    @Test
    void connectsWithACallerTrustStore() throws Exception {
        TestGateway gw = tlsGateway();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gateway", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        GatewayClient c = fx.client(fx.options(gw).sslContext(client).build());
        assertThat(c.connect().get(10, TimeUnit.SECONDS).protocol()).isEqualTo(4);
    }

    @Test
    void connectsWithAPinnedFingerprintAndHttpsUrl() throws Exception {
        TestGateway gw = tlsGateway();
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        String pin = sha256.toUpperCase().replaceAll("(..)(?!$)", "$1:"); // the colon form openssl prints
        GatewayClient c = fx.client(fx.options(gw)
                .url(gw.url().replace("wss://", "https://"))
                .certificateFingerprint(pin)
                .build());
        assertThat(c.connect().get(10, TimeUnit.SECONDS).protocol()).isEqualTo(4);
    }

    @Test
    void refusesAGatewayWhoseCertificateDoesNotMatchThePin() throws Exception {
        TestGateway gw = tlsGateway();
        GatewayClient c =
                fx.client(fx.options(gw).certificateFingerprint("00".repeat(32)).build());
        var connected = c.connect();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> c.status().error() != null && c.status().reason().contains("pinned SHA-256 fingerprint"));
        assertThat(connected).isNotDone();
        assertThat(ClientFixture.count(gw, "connect")).isZero();
    }

    @Test
    void refusesAnUntrustedCertificateByDefault() throws Exception {
        TestGateway gw = tlsGateway();
        GatewayClient c = fx.client(fx.options(gw).build());
        c.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> c.status().error() != null);
        assertThat(c.status().state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(ClientFixture.count(gw, "connect")).isZero();
    }
}
