package io.camelopenclaw.client.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceIdentityTest {

    @Test
    void deviceIdIsSha256OfTheRawPublicKeyAndSignaturesVerify() throws Exception {
        DeviceIdentity identity = DeviceIdentity.generate();
        byte[] raw = identity.rawPublicKey();
        assertThat(raw).hasSize(32);
        assertThat(identity.deviceId())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(raw)))
                .hasSize(64);
        assertThat(Base64.getUrlDecoder().decode(identity.publicKeyBase64Url())).isEqualTo(raw);
        assertThat(identity.publicKeyBase64Url()).doesNotContain("=");

        String payload = "v3|" + identity.deviceId() + "|gateway-client|backend|operator|operator.read|1|t|n|linux|";
        byte[] spki = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
        System.arraycopy(raw, 0, spki, 12, 32);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        verifier.update(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(identity.sign(payload))))
                .isTrue();
        assertThat(identity.toString()).contains(identity.deviceId()).doesNotContain(identity.publicKeyBase64Url());
    }

    @Test
    void payloadIsTheV3StringWithAsciiOnlyLowerCasing() {
        String s = DeviceAuthPayload.v3(
                "dev",
                "cli",
                "cli",
                "operator",
                List.of("operator.read", "operator.write"),
                1795239129616L,
                "tok",
                "nonce-1",
                "  Linux ",
                "ÄPhone X");
        assertThat(s)
                .isEqualTo(
                        "v3|dev|cli|cli|operator|operator.read,operator.write|1795239129616|tok|nonce-1|linux|Äphone x");
        assertThat(DeviceAuthPayload.v3("d", "c", "m", "r", List.of(), 1, null, "n", null, null))
                .isEqualTo("v3|d|c|m|r||1||n||");
    }

    @Test
    void storePersistsIdentityAndRotatesTokensInAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/identity.json");
        DeviceIdentityStore store = DeviceIdentityStore.file(file);
        DeviceIdentity first = store.identity();
        assertThat(Files.exists(file)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(store.deviceToken("ws://gw", "operator")).isEmpty();

        store.saveDeviceToken("ws://gw", new DeviceToken("secret-1", "operator", List.of("operator.read"), 5L));
        store.saveDeviceToken("ws://gw", new DeviceToken("secret-2", "operator", List.of("operator.write"), 6L));

        DeviceIdentityStore reloaded = DeviceIdentityStore.file(file);
        assertThat(reloaded.identity().deviceId()).isEqualTo(first.deviceId());
        DeviceToken token = reloaded.deviceToken("ws://gw", "operator").orElseThrow();
        assertThat(token.token()).isEqualTo("secret-2");
        assertThat(token.scopes()).containsExactly("operator.write");
        assertThat(token.issuedAtMs()).isEqualTo(6L);
        assertThat(token.toString()).doesNotContain("secret-2");
        assertThat(reloaded.deviceToken("ws://other", "operator")).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        reloaded.clearDeviceToken("ws://gw", "operator");
        assertThat(DeviceIdentityStore.file(file).deviceToken("ws://gw", "operator"))
                .isEmpty();
    }

    @Test
    void corruptIdentityFileIsATypedError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("identity.json");
        DeviceIdentityStore.file(file).identity();
        String json = Files.readString(file).replaceFirst("\"deviceId\" : \"[0-9a-f]+\"", "\"deviceId\" : \"beef\"");
        Files.writeString(file, json);
        assertThatThrownBy(() -> DeviceIdentityStore.file(file).identity())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not match");
    }
}
