package io.camelopenclaw.testgateway.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic OpenAI-compatible model server for real OpenClaw gateways, on a loopback port.
 * <p>
 * {@code POST /v1/chat/completions} answers {@code ECHO: <user text>} (one word per SSE chunk, 20 ms apart), where
 * the user text is the last real user turn with OpenClaw's envelope removed (see {@link OpenClawPrompt}). User text
 * containing {@code SLOW} gets 50 chunks 200 ms apart ({@code SLOW-ECHO part00 … part49.}); {@code TOOLCALL} with
 * tools offered gets one streamed tool call ({@code ls {"path":"."}}, or an argument-less tool such as
 * {@code session_status} when {@code ls} is not offered); a conversation ending in a tool result gets
 * {@code TOOL RESULT SEEN: <first 80 chars>}. A conversation with a user turn containing {@code SILENT} gets
 * {@code NO_REPLY} (OpenClaw's silent reply), one containing {@code MODELERROR} an HTTP 500. Every request is
 * recorded for assertions.
 */
public final class StubModelServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StubModelServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RECORDED = 1000;
    private static final String MODEL_ERROR_BODY =
            "{\"error\":{\"message\":\"stub model failure (MODELERROR)\",\"type\":\"server_error\",\"code\":null}}";

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requestCounter = new AtomicInteger();
    private final AtomicInteger disconnects = new AtomicInteger();
    private final List<StubModelRequest> recorded = new ArrayList<>();

    private StubModelServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on a free loopback port. */
    public static StubModelServer start() {
        return start(0);
    }

    /** Starts a server on the given loopback port ({@code 0} picks a free one). */
    public static StubModelServer start(int port) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stub-model-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.setExecutor(executor);
            StubModelServer stub = new StubModelServer(server, executor);
            server.createContext("/v1/chat/completions", stub::handleCompletions);
            server.createContext("/v1/models", stub::handleModels);
            server.createContext("/", exchange -> respond(exchange, 404, "{\"error\":{\"message\":\"not found\"}}"));
            server.start();
            LOG.info("Stub model server listening on {}", stub.baseUrl());
            return stub;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("Cannot start the stub model server on port " + port, e);
        }
    }

    /** The OpenAI base URL, {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Number of chat-completions requests received so far. */
    public int requestCount() {
        return requestCounter.get();
    }

    /** Number of streams the client closed before the stub finished writing them. */
    public int disconnectCount() {
        return disconnects.get();
    }

    /** The recorded chat-completions requests (at most the last 1000), oldest first. */
    public List<StubModelRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** The most recent chat-completions request, if any. */
    public Optional<StubModelRequest> lastRequest() {
        synchronized (recorded) {
            return recorded.isEmpty() ? Optional.empty() : Optional.of(recorded.get(recorded.size() - 1));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "StubModelServer[" + baseUrl() + "]";
    }

    private void handleCompletions(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":{\"message\":\"use POST\"}}");
                return;
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in);
            } catch (IOException e) {
                respond(exchange, 400, "{\"error\":{\"message\":\"invalid JSON body\"}}");
                return;
            }
            if (body == null || !body.path("messages").isArray()) {
                respond(exchange, 400, "{\"error\":{\"message\":\"messages missing\"}}");
                return;
            }
            StubModelRequest request = StubModelRequest.of(requestCounter.incrementAndGet(), body);
            record(request);
            LOG.debug(
                    "Stub model request {}: mode={} stream={} realUserText={} roles={} tools={} systemChars={}",
                    request.number(),
                    request.mode(),
                    request.stream(),
                    request.realUserText(),
                    request.roles(),
                    request.toolNames(),
                    request.systemChars());
            StubCompletion completion = new StubCompletion(request, estimateTokens(body.path("messages")));
            if (request.mode() == StubModelRequest.Mode.MODEL_ERROR) {
                respond(exchange, 500, MODEL_ERROR_BODY);
            } else if (request.stream()) {
                stream(exchange, request, completion);
            } else {
                respond(exchange, 200, completion.completionBody().toString());
            }
        }
    }

    private void stream(HttpExchange exchange, StubModelRequest request, StubCompletion completion) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            for (StubCompletion.SseFrame frame : completion.streamFrames()) {
                if (!frame.delayBefore().isZero()) {
                    Thread.sleep(frame.delayBefore().toMillis());
                }
                out.write(("data: " + frame.data() + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.close();
        } catch (IOException e) {
            disconnects.incrementAndGet();
            LOG.debug("Stub model request {}: client disconnected mid-stream ({})", request.number(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handleModels(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode models = JSON.createObjectNode().put("object", "list");
            models.putArray("data")
                    .addObject()
                    .put("id", "stub-echo")
                    .put("object", "model")
                    .put("owned_by", "stub");
            respond(exchange, 200, models.toString());
        }
    }

    private void record(StubModelRequest request) {
        synchronized (recorded) {
            if (recorded.size() == MAX_RECORDED) {
                recorded.remove(0);
            }
            recorded.add(request);
        }
    }

    private static int estimateTokens(JsonNode messages) {
        int chars = 0;
        for (JsonNode message : messages) {
            chars += OpenClawPrompt.text(message.get("content")).length();
        }
        return Math.max(1, chars / 4);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
