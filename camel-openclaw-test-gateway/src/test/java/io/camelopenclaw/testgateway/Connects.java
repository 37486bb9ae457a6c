package io.camelopenclaw.testgateway;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds {@code connect} params the way a client would, and signs device proofs with a fresh Ed25519 key. */
final class Connects {

    static final String TOKEN = "test-token";

    private Connects() {}

    /** {@code gateway-client}/{@code backend}, read+write+admin, the shared token, protocol 4/4. */
    static ObjectNode backend() {
        return params(4, 4, "gateway-client", "backend");
    }

    static ObjectNode params(int min, int max, String clientId, String mode) {
        ObjectNode params =
                GatewayClient.JSON.createObjectNode().put("minProtocol", min).put("maxProtocol", max);
        params.putObject("client")
                .put("id", clientId)
                .put("displayName", "test probe")
                .put("version", "0.1.0")
                .put("platform", "linux")
                .put("mode", mode);
        params.put("role", "operator");
        scopes(params, "operator.read", "operator.write", "operator.admin");
        params.putArray("caps");
        params.putObject("auth").put("token", TOKEN);
        return params.put("locale", "en-US").put("userAgent", "test-gateway-test/0.1.0");
    }

    static ObjectNode scopes(ObjectNode params, String... scopes) {
        ArrayNode array = params.putArray("scopes");
        Arrays.stream(scopes).forEach(array::add);
        return params;
    }

    static ObjectNode caps(ObjectNode params, String... caps) {
        ArrayNode array = params.putArray("caps");
        Arrays.stream(caps).forEach(array::add);
        return params;
    }

    /** An Ed25519 device identity that signs v3 payloads. */
    static final class Device {
        final KeyPair keys;
        final String id;
        final String publicKey;

        Device() {
            try {
                keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] spki = keys.getPublic().getEncoded();
                byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
                id = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
                publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Adds a {@code device} block signed over the challenge, as a client does. */
        ObjectNode sign(ObjectNode params, JsonNode challenge) {
            return sign(
                    params, challenge.get("nonce").asText(), challenge.get("ts").asLong(), "v3");
        }

        ObjectNode sign(ObjectNode params, String nonce, long signedAt, String version) {
            JsonNode client = params.get("client");
            JsonNode auth = params.path("auth");
            String token = auth.has("token")
                    ? auth.get("token").asText()
                    : auth.has("deviceToken") ? auth.get("deviceToken").asText() : "";
            StringBuilder scopes = new StringBuilder();
            params.path("scopes")
                    .forEach(s -> scopes.append(scopes.length() == 0 ? "" : ",").append(s.asText()));
            String payload = String.join(
                    "|",
                    version,
                    id,
                    client.get("id").asText(),
                    client.get("mode").asText(),
                    params.path("role").asText("operator"),
                    scopes,
                    Long.toString(signedAt),
                    token,
                    nonce);
            if ("v3".equals(version)) {
                payload += "|" + client.path("platform").asText("").toLowerCase() + "|"
                        + client.path("deviceFamily").asText("").toLowerCase();
            }
            params.putObject("device")
                    .put("id", id)
                    .put("publicKey", publicKey)
                    .put("signature", signature(payload))
                    .put("signedAt", signedAt)
                    .put("nonce", nonce);
            return params;
        }

        String signature(String payload) {
            try {
                Signature signer = Signature.getInstance("Ed25519");
                signer.initSign(keys.getPrivate());
                signer.update(payload.getBytes(StandardCharsets.UTF_8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
