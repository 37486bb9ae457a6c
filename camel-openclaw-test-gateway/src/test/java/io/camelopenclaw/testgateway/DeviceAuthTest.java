package io.camelopenclaw.testgateway;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ed25519 device proofs, silent local pairing and device tokens. */
class DeviceAuthTest extends GatewayTestSupport {

    private final Connects.Device device = new Connects.Device();

    @Test
    void acceptsTheSignatureARealClientSentToARealGateway() throws Exception {
        JsonNode connect = recordedConnect("/transcripts/v3/handshake.jsonl");
        JsonNode proof = connect.get("device");
        ConnectParams params = ConnectParams.from(connect);

        assertThatCode(() -> DeviceIdentityVerifier.verify(
                        params,
                        proof.get("nonce").asText(),
                        proof.get("signedAt").asLong()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DeviceIdentityVerifier.verify(
                        params, "other-nonce", proof.get("signedAt").asLong()))
                .isInstanceOf(GatewayError.class)
                .hasMessage("device nonce mismatch");
        assertThatThrownBy(() -> DeviceIdentityVerifier.verify(
                        params,
                        proof.get("nonce").asText(),
                        proof.get("signedAt").asLong() + 120_001))
                .hasMessage("device signature expired");
    }

    @Test
    void signedConnectSucceedsAndLocalBackendGetsNoDeviceToken() {
        GatewayClient client = open(gateway());
        ObjectNode params = device.sign(Connects.backend(), client.challenge());

        JsonNode hello = client.call("connect", params).get("payload");

        assertThat(hello.get("auth").get("method").asText()).isEqualTo("token");
        assertThat(hello.get("auth").has("deviceToken")).isFalse();
        assertThat(hello.get("auth").get("scopes")).hasSize(3);
    }

    @Test
    void v2PayloadIsAcceptedToo() {
        GatewayClient client = open(gateway());
        JsonNode challenge = client.challenge();
        ObjectNode params = device.sign(
                Connects.backend(),
                challenge.get("nonce").asText(),
                challenge.get("ts").asLong(),
                "v2");

        assertThat(client.call("connect", params).get("ok").asBoolean()).isTrue();
    }

    @Test
    void badProofsGetTheirDeviceAuthCodes() {
        TestGateway gw = gateway();
        assertDeviceFailure(
                gw,
                p -> p.put("signature", device.signature("something else")),
                "DEVICE_AUTH_SIGNATURE_INVALID",
                "device-signature",
                "device signature invalid");
        assertDeviceFailure(
                gw,
                p -> p.put("id", "0".repeat(64)),
                "DEVICE_AUTH_DEVICE_ID_MISMATCH",
                "device-id-mismatch",
                "device identity mismatch");
        assertDeviceFailure(
                gw,
                p -> p.put("publicKey", "not-a-key"),
                "DEVICE_AUTH_PUBLIC_KEY_INVALID",
                "device-public-key",
                "device public key invalid");
        assertDeviceFailure(
                gw,
                p -> p.put("nonce", "not-the-challenge"),
                "DEVICE_AUTH_NONCE_MISMATCH",
                "device-nonce-mismatch",
                "device nonce mismatch");
        assertDeviceFailure(
                gw,
                p -> p.remove("nonce"),
                "DEVICE_AUTH_NONCE_REQUIRED",
                "device-nonce-missing",
                "device nonce required");
        assertDeviceFailure(
                gw,
                p -> p.put("signedAt", p.get("signedAt").asLong() - 121_000),
                "DEVICE_AUTH_SIGNATURE_EXPIRED",
                "device-signature-stale",
                "device signature expired");
    }

    @Test
    void wrongTokenWithADeviceMayRetryWithTheDeviceToken() {
        GatewayClient client = open(gateway());
        ObjectNode params = Connects.backend();
        ((ObjectNode) params.get("auth")).put("token", "wrong");
        device.sign(params, client.challenge());

        JsonNode details = error(client.call("connect", params)).get("details");

        assertThat(details.get("canRetryWithDeviceToken").asBoolean()).isTrue();
        assertThat(details.get("recommendedNextStep").asText()).isEqualTo("retry_with_device_token");
    }

    @Test
    void deviceWithoutAnyTokenIsTokenMissing() {
        GatewayClient client = open(gateway());
        ObjectNode params = Connects.backend();
        params.remove("auth");
        device.sign(params, client.challenge());

        JsonNode error = error(client.call("connect", params));

        assertThat(error.get("details").get("code").asText()).isEqualTo("AUTH_TOKEN_MISSING");
        assertThat(client.awaitClose().code()).isEqualTo(1008);
    }

    @Test
    void cliIsPairedSilentlyAndReconnectsWithItsDeviceToken() {
        TestGateway gw = gateway();
        JsonNode first = connectCli(gw, auth -> auth.put("token", Connects.TOKEN), "operator.read", "operator.write");
        String deviceToken = first.get("auth").get("deviceToken").asText();
        assertThat(first.get("auth").get("method").asText()).isEqualTo("token");
        assertThat(first.get("auth").get("issuedAtMs").asLong()).isPositive();

        JsonNode viaDeviceToken = connectCli(gw, auth -> auth.put("deviceToken", deviceToken), "operator.read");
        assertThat(viaDeviceToken.get("auth").get("method").asText()).isEqualTo("device-token");
        assertThat(viaDeviceToken.get("auth").get("deviceToken").asText()).isEqualTo(deviceToken);
        assertThat(viaDeviceToken.get("auth").get("scopes"))
                .extracting(JsonNode::asText)
                .containsExactly("operator.read");

        JsonNode viaTokenField = connectCli(
                gw,
                auth -> auth.put("token", deviceToken).put("deviceToken", deviceToken),
                "operator.read",
                "operator.write");
        assertThat(viaTokenField.get("auth").get("method").asText()).isEqualTo("device-token");
    }

    @Test
    void deviceTokenCannotWidenScopesAndAnUpgradeRotatesIt() {
        TestGateway gw = gateway();
        String original = connectCli(gw, auth -> auth.put("token", Connects.TOKEN), "operator.read")
                .get("auth")
                .get("deviceToken")
                .asText();

        JsonNode wider =
                connectCliRaw(gw, auth -> auth.put("deviceToken", original), "operator.read", "operator.write");
        assertThat(error(wider).get("details").get("code").asText()).isEqualTo("AUTH_SCOPE_MISMATCH");

        String rotated = connectCli(gw, auth -> auth.put("token", Connects.TOKEN), "operator.read", "operator.write")
                .get("auth")
                .get("deviceToken")
                .asText();
        assertThat(rotated).isNotEqualTo(original);

        JsonNode stale = connectCliRaw(gw, auth -> auth.put("deviceToken", original), "operator.read");
        assertThat(error(stale).get("details").get("code").asText()).isEqualTo("AUTH_DEVICE_TOKEN_MISMATCH");
        assertThat(connectCli(gw, auth -> auth.put("deviceToken", rotated), "operator.write")
                        .get("auth")
                        .get("method")
                        .asText())
                .isEqualTo("device-token");
    }

    @Test
    void pairedDeviceGetsItsTokenBackAsLocalBackendToo() {
        TestGateway gw = gateway();
        String token = connectCli(gw, auth -> auth.put("token", Connects.TOKEN), "operator.read")
                .get("auth")
                .get("deviceToken")
                .asText();
        GatewayClient client = open(gw);
        ObjectNode params = device.sign(Connects.scopes(Connects.backend(), "operator.read"), client.challenge());

        assertThat(client.call("connect", params)
                        .get("payload")
                        .get("auth")
                        .get("deviceToken")
                        .asText())
                .isEqualTo(token);
    }

    private JsonNode connectCli(TestGateway gw, Consumer<ObjectNode> auth, String... scopes) {
        JsonNode response = connectCliRaw(gw, auth, scopes);
        assertThat(response.get("ok").asBoolean()).as(response.toString()).isTrue();
        return response.get("payload");
    }

    private JsonNode connectCliRaw(TestGateway gw, Consumer<ObjectNode> auth, String... scopes) {
        GatewayClient client = open(gw);
        ObjectNode params = Connects.scopes(Connects.params(4, 4, "cli", "cli"), scopes);
        auth.accept(params.putObject("auth"));
        return client.call("connect", device.sign(params, client.challenge()));
    }

    private void assertDeviceFailure(
            TestGateway gw, Consumer<ObjectNode> tamper, String code, String reason, String message) {
        GatewayClient client = open(gw);
        ObjectNode params = device.sign(Connects.backend(), client.challenge());
        tamper.accept((ObjectNode) params.get("device"));

        JsonNode error = error(client.call("connect", params));

        assertThat(error.get("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(error.get("message").asText()).isEqualTo(message);
        assertThat(error.get("details").get("code").asText()).isEqualTo(code);
        assertThat(error.get("details").get("reason").asText()).isEqualTo(reason);
        assertThat(client.awaitClose()).isEqualTo(new GatewayClient.Close(1008, message, true));
    }

    /** The params of the first connect request in a recorded transcript. */
    static JsonNode recordedConnect(String resource) throws Exception {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(DeviceAuthTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode frame = GatewayClient.JSON.readTree(line).path("frame");
                if ("connect".equals(frame.path("method").asText())) {
                    return frame.get("params");
                }
            }
        }
        throw new AssertionError("no connect in " + resource);
    }
}
