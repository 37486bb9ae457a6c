package io.camelopenclaw.testgateway.model;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class StubModelServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String V4_USER = "[Sat 2026-11-21 05:23 UTC] hello camel\n\n"
            + "Runtime: agent=main | session=agent:main:probe-1 | model=stub/stub-echo | channel=webchat";
    private static final String INTERNAL_CONTEXT = "<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>\n"
            + "Active exec sessions: none\n<<<END_OPENCLAW_INTERNAL_CONTEXT>>>";
    private static final String SENDER_BLOCK = "Sender (untrusted metadata):\n```json\n"
            + "{\n  \"label\": \"realgw probe (gateway-client)\",\n  \"id\": \"gateway-client\"\n}\n```";

    private final HttpClient http = HttpClient.newHttpClient();
    private StubModelServer server;

    @BeforeEach
    void start() {
        server = StubModelServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void stripsTheV4Envelope() {
        ArrayNode messages = messages(system(), user(V4_USER), user(INTERNAL_CONTEXT));
        assertThat(OpenClawPrompt.realUserText(messages)).isEqualTo("hello camel");
    }

    @Test
    void stripsThe2026_5_7EnvelopeAndSkipsTheSenderMetadataTurn() {
        ArrayNode messages = messages(system(), user("[Sat 2026-11-21 05:40 UTC] hello camel"), user(SENDER_BLOCK));
        assertThat(OpenClawPrompt.realUserText(messages)).isEqualTo("hello camel");
    }

    @Test
    void stripsThe2026_3_13EnvelopeFromAPartsArray() {
        ObjectNode user = JSON.createObjectNode().put("role", "user");
        user.putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", SENDER_BLOCK + "\n\n[Sat 2026-11-21 05:40 UTC] hello camel");
        assertThat(OpenClawPrompt.realUserText(messages(system(), user))).isEqualTo("hello camel");
    }

    @Test
    void keepsMultiLineUserTextAndTextWithoutEnvelope() {
        assertThat(OpenClawPrompt.stripEnvelope("[Sat 2026-11-21 05:23 UTC] line one\nline two\n\nRuntime: x"))
                .isEqualTo("line one\nline two");
        assertThat(OpenClawPrompt.stripEnvelope("[not a timestamp] hello")).isEqualTo("[not a timestamp] hello");
    }

    @Test
    void streamsEchoAsSseOneWordPerChunk() throws Exception {
        HttpResponse<String> response =
                post(request(true, messages(system(), user(V4_USER), user(INTERNAL_CONTEXT)), tools("ls", "exec")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = sseData(response.body());
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = parse(data.subList(0, data.size() - 1));

        JsonNode first = chunks.get(0).path("choices").path(0);
        assertThat(first.path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(first.path("delta").path("content").asText()).isEmpty();
        List<String> contents = new ArrayList<>();
        for (JsonNode chunk : chunks.subList(1, chunks.size() - 1)) {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("choices").path(0).path("finish_reason").isNull())
                    .isTrue();
            contents.add(
                    chunk.path("choices").path(0).path("delta").path("content").asText());
        }
        assertThat(contents).containsExactly("ECHO:", " hello", " camel");

        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices").path(0).path("delta").isEmpty()).isTrue();
        assertThat(last.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = last.path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt()
                        + usage.path("completion_tokens").asInt());

        assertThat(server.requestCount()).isEqualTo(1);
        StubModelRequest recorded = server.lastRequest().orElseThrow();
        assertThat(recorded.mode()).isEqualTo(StubModelRequest.Mode.ECHO);
        assertThat(recorded.realUserText()).isEqualTo("hello camel");
        assertThat(recorded.roles()).containsExactly("system", "user", "user");
        assertThat(recorded.toolNames()).containsExactly("ls", "exec");
    }

    @Test
    void streamsAToolCallOfLsWhenOffered() throws Exception {
        List<JsonNode> chunks = streamedChunks(request(
                true,
                messages(system(), user("[Sat 2026-11-21 05:23 UTC] please TOOLCALL now"), user(INTERNAL_CONTEXT)),
                tools("exec", "ls")));

        JsonNode call = chunks.get(1)
                .path("choices")
                .path(0)
                .path("delta")
                .path("tool_calls")
                .path(0);
        assertThat(call.path("index").asInt()).isZero();
        assertThat(call.path("id").asText()).isEqualTo("call_stub_1");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("ls");
        JsonNode arguments = chunks.get(2)
                .path("choices")
                .path(0)
                .path("delta")
                .path("tool_calls")
                .path(0);
        assertThat(arguments.path("function").path("arguments").asText()).isEqualTo("{\"path\":\".\"}");
        JsonNode finish = chunks.get(chunks.size() - 1).path("choices").path(0);
        assertThat(finish.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(server.lastRequest().orElseThrow().mode()).isEqualTo(StubModelRequest.Mode.TOOL_CALL);
    }

    @Test
    void callsSessionStatusWhenLsIsNotOffered() throws Exception {
        List<JsonNode> chunks = streamedChunks(request(
                true,
                messages(system(), user(SENDER_BLOCK + "\n\n[Sat 2026-11-21 05:40 UTC] TOOLCALL")),
                tools("exec", "session_status", "read")));

        JsonNode call = chunks.get(1)
                .path("choices")
                .path(0)
                .path("delta")
                .path("tool_calls")
                .path(0);
        assertThat(call.path("function").path("name").asText()).isEqualTo("session_status");
        JsonNode arguments = chunks.get(2)
                .path("choices")
                .path(0)
                .path("delta")
                .path("tool_calls")
                .path(0);
        assertThat(arguments.path("function").path("arguments").asText()).isEqualTo("{}");
    }

    @Test
    void answersAToolResultWithItsFirst80Characters() throws Exception {
        ObjectNode assistant = JSON.createObjectNode().put("role", "assistant");
        assistant.putNull("content");
        assistant
                .putArray("tool_calls")
                .addObject()
                .put("id", "call_stub_1")
                .put("type", "function")
                .putObject("function")
                .put("name", "ls")
                .put("arguments", "{\"path\":\".\"}");
        String result = "\".git/\"\n\"AGENTS.md\"\n" + "x".repeat(100);
        ObjectNode tool = JSON.createObjectNode()
                .put("role", "tool")
                .put("tool_call_id", "call_stub_1")
                .put("content", result);
        List<JsonNode> chunks = streamedChunks(request(
                true,
                messages(
                        system(), user("[Sat 2026-11-21 05:23 UTC] TOOLCALL"), assistant, tool, user(INTERNAL_CONTEXT)),
                tools("ls")));

        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : chunks) {
            text.append(
                    chunk.path("choices").path(0).path("delta").path("content").asText());
        }
        assertThat(text.toString()).isEqualTo("TOOL RESULT SEEN: \".git/\" \"AGENTS.md\" " + "x".repeat(80 - 20));
        assertThat(server.lastRequest().orElseThrow().toolResult()).isEqualTo(result);
    }

    @Test
    void slowModeIsFiftyChunks200MillisecondsApart() {
        JsonNode body = request(true, messages(user("[Sat 2026-11-21 05:23 UTC] please answer SLOW")), tools());
        StubCompletion completion = new StubCompletion(StubModelRequest.of(1, body), 10);

        List<String> pieces = completion.textPieces();
        assertThat(pieces).hasSize(50);
        assertThat(pieces.get(0)).isEqualTo("SLOW-ECHO part00");
        assertThat(pieces.get(1)).isEqualTo(" part01");
        assertThat(pieces.get(49)).isEqualTo(" part49.");
        List<StubCompletion.SseFrame> contentFrames = completion.streamFrames().subList(2, 51);
        assertThat(contentFrames)
                .allSatisfy(frame -> assertThat(frame.delayBefore()).isEqualTo(Duration.ofMillis(200)));
    }

    @Test
    void answersNonStreamingRequestsWithAPlainCompletion() throws Exception {
        HttpResponse<String> response = post(request(false, messages(user("hi there")), tools()));

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("choices").path(0).path("message").path("content").asText())
                .isEqualTo("ECHO: hi there");
        assertThat(body.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(body.path("usage").path("total_tokens").asInt()).isPositive();
    }

    @Test
    void detectsAClientDisconnectMidStream() throws Exception {
        byte[] body =
                request(true, messages(user("SLOW please")), tools()).toString().getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.contains("SLOW-ECHO part00")) {
                // skip headers and the role chunk
            }
            assertThat(line).contains("SLOW-ECHO part00");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (server.disconnectCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.disconnectCount()).isEqualTo(1);
    }

    private List<JsonNode> streamedChunks(JsonNode request) throws Exception {
        List<String> data = sseData(post(request).body());
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        return parse(data.subList(0, data.size() - 1));
    }

    private HttpResponse<String> post(JsonNode body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code data:} payloads of an SSE body; asserts every event is a single data line ended by a blank line. */
    private static List<String> sseData(String body) {
        assertThat(body).endsWith("\n\n");
        List<String> data = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            assertThat(event).startsWith("data: ").doesNotContain("\n");
            data.add(event.substring("data: ".length()));
        }
        return data;
    }

    private static List<JsonNode> parse(List<String> data) throws Exception {
        List<JsonNode> chunks = new ArrayList<>();
        for (String json : data) {
            chunks.add(JSON.readTree(json));
        }
        return chunks;
    }

    private static ObjectNode request(boolean stream, ArrayNode messages, ArrayNode tools) {
        ObjectNode request = JSON.createObjectNode().put("model", "stub-echo").put("stream", stream);
        request.set("messages", messages);
        if (!tools.isEmpty()) {
            request.set("tools", tools);
        }
        return request;
    }

    private static ArrayNode messages(ObjectNode... messages) {
        ArrayNode array = JSON.createArrayNode();
        for (ObjectNode message : messages) {
            array.add(message);
        }
        return array;
    }

    private static ObjectNode system() {
        return JSON.createObjectNode().put("role", "system").put("content", "You are a personal assistant.");
    }

    private static ObjectNode user(String text) {
        return JSON.createObjectNode().put("role", "user").put("content", text);
    }

    private static ArrayNode tools(String... names) {
        ArrayNode tools = JSON.createArrayNode();
        for (String name : names) {
            tools.addObject()
                    .put("type", "function")
                    .putObject("function")
                    .put("name", name)
                    .putObject("parameters")
                    .put("type", "object");
        }
        return tools;
    }
}
