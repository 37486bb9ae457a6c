package io.camelopenclaw.testgateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recorded real-gateway transcripts (copied into the test resources) and frame "shapes": the key structure of a
 * frame, recursively and in order, without values. Two frames with the same shape have the same field names in the
 * same order at every level.
 */
final class Transcripts {

    private Transcripts() {}

    /** The frames a recorded client received, in order. */
    static List<JsonNode> received(String resource) {
        return entries(resource).stream()
                .filter(entry -> "recv".equals(entry.path("dir").asText()))
                .map(entry -> entry.get("frame"))
                .toList();
    }

    /** Every line of a transcript: {@code {n, ts, tMs, dir, conn, frame | event}}. */
    private static List<JsonNode> entries(String resource) {
        List<JsonNode> entries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Transcripts.class.getResourceAsStream("/transcripts/" + resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                entries.add(GatewayClient.JSON.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The responses a recorded client received to its requests of {@code method}, in order. */
    static List<JsonNode> responses(String resource, String method) {
        Map<String, String> methods = new HashMap<>();
        List<JsonNode> responses = new ArrayList<>();
        for (JsonNode entry : entries(resource)) {
            JsonNode frame = entry.path("frame");
            if ("send".equals(entry.path("dir").asText())
                    && "req".equals(frame.path("type").asText())) {
                methods.put(frame.path("id").asText(), frame.path("method").asText());
            } else if ("recv".equals(entry.path("dir").asText())
                    && "res".equals(frame.path("type").asText())
                    && method.equals(methods.get(frame.path("id").asText()))) {
                responses.add(frame);
            }
        }
        return responses;
    }

    /** The key structure of a node: {@code {a,b:{c},d:[{e}]}}; arrays by their first element. */
    static String shape(JsonNode node) {
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> fields =
                            node.properties().iterator();
                    fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(field.getKey())
                        .append(shape(field.getValue()).isEmpty() ? "" : ":")
                        .append(shape(field.getValue()));
                if (fields.hasNext()) {
                    out.append(',');
                }
            }
            return out.append('}').toString();
        }
        if (node.isArray()) {
            return node.isEmpty() ? "[]" : "[" + shape(node.get(0)) + "]";
        }
        return "";
    }

    /** The shapes of the frames that match, with streaming repetitions collapsed (see {@link #collapse}). */
    static List<String> shapes(List<JsonNode> frames, Predicate<JsonNode> include) {
        List<String> shapes = new ArrayList<>();
        frames.stream().filter(include).forEach(frame -> shapes.add(label(frame) + " " + shape(frame)));
        return collapse(shapes);
    }

    /**
     * Collapses repetitions that depend on how text was chunked: {@code x x → x} and {@code x y x y → x y}, so a
     * stream of N chunks compares equal to a stream of M chunks.
     */
    static List<String> collapse(List<String> shapes) {
        List<String> out = new ArrayList<>(shapes);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i + 1 < out.size(); i++) {
                if (out.get(i).equals(out.get(i + 1))) {
                    out.remove(i + 1);
                    changed = true;
                } else if (i + 3 < out.size()
                        && out.get(i).equals(out.get(i + 2))
                        && out.get(i + 1).equals(out.get(i + 3))) {
                    out.remove(i + 2);
                    out.remove(i + 2);
                    changed = true;
                }
            }
        }
        return out;
    }

    /** A readable label: event name, stream / state and phase. */
    static String label(JsonNode frame) {
        JsonNode payload = frame.path("payload");
        String what = frame.path("event").asText(frame.path("type").asText());
        String kind = payload.path("stream").asText(payload.path("state").asText(""));
        String phase =
                payload.path("data").path("phase").asText(payload.path("phase").asText(""));
        return (what + " " + kind + " " + phase).trim();
    }

    /** Events of the run (chat, agent) — what the scenario is about, without health/tick/other broadcasts. */
    static boolean runEvent(JsonNode frame) {
        String event = frame.path("event").asText();
        return "chat".equals(event) || "agent".equals(event);
    }
}
