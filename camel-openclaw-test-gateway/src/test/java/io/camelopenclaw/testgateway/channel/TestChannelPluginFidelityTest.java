package io.camelopenclaw.testgateway.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake plugin against transcripts recorded from the real plugin (openclaw-websocket 0.2.0 at c821a85, loaded by
 * OpenClaw 2026.3.13 with a stub model): {@code replies} sends two messages from two senders (one answered with two
 * short paragraphs and a 5,489-character paragraph, streamed in cumulative partials) and two frames the plugin cannot
 * read; {@code token-required} and {@code token-refused} connect without a token and with one the auth service
 * refuses. The fake, scripted with the recorded partial texts and the final text, must send the same frames per
 * message (its splitting included), the same uncorrelated frames, and the same refusals.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TestChannelPluginFidelityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void repliesSplitAndErrorsMatchTheRealPlugin() throws Exception {
        List<JsonNode> recording = transcript("replies-2026.3.13.jsonl");
        List<JsonNode> recorded = frames(recording, "recv");
        Map<String, List<JsonNode>> recordedById = byMessageId(recorded);
        try (TestChannelPlugin plugin = TestChannelPlugin.builder().build().start()) {
            plugin.script(message -> replay(recordedById.get(message.messageId())));
            List<JsonNode> received = exchange(plugin.url() + "?senderId=probe&senderName=Probe", recording, recorded);

            assertThat(received.get(0)).isEqualTo(recorded.get(0)); // the greeting
            assertThat(byMessageId(received)).isEqualTo(recordedById);
            assertThat(uncorrelated(received, "chat.error")).isEqualTo(uncorrelated(recorded, "chat.error"));
            assertThat(uncorrelated(received, "chat.typing")).hasSameSizeAs(uncorrelated(recorded, "chat.typing"));
            assertThat(plugin.messages())
                    .extracting(ReceivedChannelMessage::senderId)
                    .containsExactly("probe-a", "probe-b");
        }
    }

    @Test
    void theChunkerSplitsLikeTheRealPlugin() {
        Map<String, List<JsonNode>> byId = byMessageId(frames(transcript("replies-2026.3.13.jsonl"), "recv"));
        for (List<JsonNode> frames : byId.values()) {
            assertThat(ReplyChunker.chunks(finalText(frames))).isEqualTo(contents(frames, "chat.response"));
        }
    }

    @Test
    void refusalsMatchTheRealPlugin() throws Exception {
        try (TestChannelPlugin plugin =
                TestChannelPlugin.builder().token("good", "user").build().start()) {
            for (String[] attempt : new String[][] {
                {"token-required-2026.3.13.jsonl", ""}, {"token-refused-2026.3.13.jsonl", "&token=bad"}
            }) {
                List<JsonNode> recording = transcript(attempt[0]);
                Recorder client = new Recorder(URI.create(plugin.url() + "?senderId=probe" + attempt[1]));
                client.connectBlocking(5, TimeUnit.SECONDS);
                JsonNode frame = client.frames.poll(5, TimeUnit.SECONDS);
                String close = client.closes.poll(5, TimeUnit.SECONDS);
                JsonNode recordedClose = recording.get(recording.size() - 1);

                JsonNode recordedFrame = frames(recording, "recv").get(0);
                if (attempt[0].startsWith("token-refused")) {
                    // the fake's auth service refuses (auth_failed); the recording's was unreachable
                    assertThat(frame.get("error").asText()).startsWith("Authentication failed: ");
                    assertThat(recordedFrame.get("error").asText()).startsWith("Authentication failed: ");
                } else {
                    assertThat(frame).isEqualTo(recordedFrame);
                }
                assertThat(close)
                        .isEqualTo(recordedClose.get("code").asInt() + " "
                                + recordedClose.get("reason").asText());
            }
        }
    }

    /** Connects, sends the recorded client frames after the greeting, and collects what the recording received. */
    private static List<JsonNode> exchange(String url, List<JsonNode> recording, List<JsonNode> recorded)
            throws Exception {
        Recorder client = new Recorder(URI.create(url));
        client.connectBlocking(5, TimeUnit.SECONDS);
        List<JsonNode> received = new ArrayList<>();
        received.add(client.frames.poll(5, TimeUnit.SECONDS));
        for (JsonNode sent : frames(recording, "send")) {
            client.send(sent.isTextual() ? sent.asText() : sent.toString());
        }
        while (received.size() < recorded.size()) {
            JsonNode frame = client.frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame)
                    .as("frame %d of %d", received.size() + 1, recorded.size())
                    .isNotNull();
            received.add(frame);
        }
        client.closeBlocking();
        return received;
    }

    /** The recorded stream frames as they were, then the final text (the last cumulative partial) as the reply. */
    private static List<ChannelAction> replay(List<JsonNode> frames) {
        List<ChannelAction> steps = new ArrayList<>();
        steps.add(new ChannelAction.Typing());
        contents(frames, "chat.stream").forEach(text -> steps.add(new ChannelAction.Stream(text)));
        steps.add(new ChannelAction.Final(finalText(frames)));
        return steps;
    }

    private static String finalText(List<JsonNode> frames) {
        List<String> streams = contents(frames, "chat.stream");
        return streams.get(streams.size() - 1);
    }

    private static List<String> contents(List<JsonNode> frames, String type) {
        return frames.stream()
                .filter(f -> type.equals(f.path("type").asText()))
                .map(f -> f.get("content").asText())
                .toList();
    }

    private static Map<String, List<JsonNode>> byMessageId(List<JsonNode> frames) {
        return frames.stream()
                .filter(f -> f.has("messageId"))
                .collect(Collectors.groupingBy(f -> f.get("messageId").asText()));
    }

    private static List<JsonNode> uncorrelated(List<JsonNode> frames, String type) {
        return frames.stream()
                .filter(f -> !f.has("messageId") && type.equals(f.path("type").asText()))
                .toList();
    }

    private static List<JsonNode> frames(List<JsonNode> recording, String dir) {
        return recording.stream()
                .filter(e -> dir.equals(e.path("dir").asText()))
                .map(e -> e.get("frame"))
                .toList();
    }

    private static List<JsonNode> transcript(String name) {
        List<JsonNode> entries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TestChannelPluginFidelityTest.class.getResourceAsStream("/transcripts/channel/" + name),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                entries.add(JSON.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A client that queues every frame and close it gets. */
    private static final class Recorder extends WebSocketClient {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

        Recorder(URI uri) {
            super(uri);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {}

        @Override
        public void onMessage(String message) {
            try {
                frames.add(JSON.readTree(message));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closes.add(code + " " + reason);
        }

        @Override
        public void onError(Exception ex) {}
    }
}
