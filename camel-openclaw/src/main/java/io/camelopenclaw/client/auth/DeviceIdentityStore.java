package io.camelopenclaw.client.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.json.JsonValues;

/**
 * Keeps a device identity (private key and device id) and the latest device token per gateway and role in one JSON
 * file that only its owner may read or write. The identity is created on first use; every {@code hello-ok} that
 * returns a device token overwrites the stored one. Thread-safe; writes are atomic.
 */
public final class DeviceIdentityStore {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64_DEC = Base64.getDecoder();
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;
    private DeviceIdentity identity;
    private ObjectNode tokens;

    private DeviceIdentityStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** A store backed by {@code file} (created with owner-only permissions when missing). */
    public static DeviceIdentityStore file(Path file) {
        return new DeviceIdentityStore(file);
    }

    /** The default file: {@code ~/.camel-openclaw/device-identity.json}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".camel-openclaw", "device-identity.json");
    }

    /** The file behind this store. */
    public Path path() {
        return file;
    }

    /** The identity, loaded from the file or created and saved on first use. */
    public synchronized DeviceIdentity identity() {
        load();
        return identity;
    }

    /** The device token stored for this gateway and role. */
    public synchronized Optional<DeviceToken> deviceToken(String gateway, String role) {
        load();
        JsonNode entry = tokens.get(key(gateway, role));
        if (entry == null || !entry.hasNonNull("token")) {
            return Optional.empty();
        }
        List<String> scopes = new ArrayList<>();
        entry.path("scopes").forEach(s -> scopes.add(s.asText()));
        Long issued = entry.hasNonNull("issuedAtMs") ? entry.get("issuedAtMs").asLong() : null;
        return Optional.of(new DeviceToken(entry.get("token").asText(), role, scopes, issued));
    }

    /** Stores (rotates) the device token for this gateway and role. */
    public synchronized void saveDeviceToken(String gateway, DeviceToken token) {
        load();
        ObjectNode entry = tokens.putObject(key(gateway, token.role()));
        entry.put("token", token.token());
        entry.putPOJO("scopes", token.scopes());
        if (token.issuedAtMs() != null) {
            entry.put("issuedAtMs", token.issuedAtMs());
        }
        save();
    }

    /** Forgets the device token for this gateway and role (after the gateway rejected it). */
    public synchronized void clearDeviceToken(String gateway, String role) {
        load();
        if (tokens.remove(key(gateway, role)) != null) {
            save();
        }
    }

    private static String key(String gateway, String role) {
        return gateway + "|" + role;
    }

    private void load() {
        if (identity != null) {
            return;
        }
        try {
            if (Files.exists(file)) {
                JsonNode root = JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8));
                identity = DeviceIdentity.restore(
                        B64_DEC.decode(root.path("privateKeyPkcs8").asText()),
                        Base64.getUrlDecoder().decode(root.path("publicKey").asText()));
                if (!identity.deviceId().equals(root.path("deviceId").asText())) {
                    throw new IllegalStateException(
                            "device identity file " + file + " has a device id that does not " + "match its key");
                }
                tokens = root.has("deviceTokens") ? (ObjectNode) root.get("deviceTokens") : JsonValues.object();
            } else {
                identity = DeviceIdentity.generate();
                tokens = JsonValues.object();
                save();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read device identity file " + file, e);
        }
    }

    private void save() {
        ObjectNode root = JsonValues.object();
        root.put("version", 1);
        root.put("deviceId", identity.deviceId());
        root.put("publicKey", identity.publicKeyBase64Url());
        root.put("privateKeyPkcs8", B64.encodeToString(identity.pkcs8PrivateKey()));
        root.set("deviceTokens", tokens);
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path tmp = POSIX
                    ? Files.createTempFile(
                            dir,
                            ".device-identity",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".device-identity", ".tmp");
            Files.writeString(tmp, JsonValues.pretty(root), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write device identity file " + file, e);
        }
    }

    @Override
    public String toString() {
        return "DeviceIdentityStore[" + file + "]";
    }
}
