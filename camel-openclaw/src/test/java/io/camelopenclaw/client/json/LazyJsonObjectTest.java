package io.camelopenclaw.client.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LazyJsonObjectTest {

    /** Payloads shaped like the gateway's, plus the corners of JSON. */
    private static final List<String> PAYLOADS = List.of(
            "{\"runId\":\"r1\",\"sessionKey\":\"agent:main:a\",\"seq\":3,\"state\":\"delta\",\"deltaText\":\"Hel\","
                    + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Hel\"}],"
                    + "\"timestamp\":1764950000000}}",
            "{\"runId\":\"r1\",\"stream\":\"lifecycle\",\"data\":{\"phase\":\"end\",\"stopReason\":\"stop\","
                    + "\"terminalReply\":{\"disposition\":\"silent\",\"text\":\"\"}},\"seq\":12,\"ts\":1764950000000,"
                    + "\"isHeartbeat\":false}",
            "{\"stream\":\"tool\",\"data\":{\"phase\":\"start\",\"toolCallId\":\"t1\",\"args\":{\"q\":[1,2.5,null,true]}}}",
            "{\"usage\":{\"input\":10,\"output\":20,\"cacheRead\":0},\"big\":12345678901234,\"huge\":123456789012345678901234,"
                    + "\"pi\":3.14159,\"neg\":-1e-3,\"nothing\":null,\"yes\":true,\"no\":false}",
            "{\"text\":\"\\u00e9t\\u00e9 \\\"quoted\\\" \\\\ \\n new line\",\"emoji\":\"\uD83D\uDE00\",\"empty\":{},\"none\":[]}",
            "{\"dup\":1,\"dup\":{\"second\":true}}",
            "{}");

    @Test
    void everyFieldAndTheWholeTreeEqualWhatATreeParserReads() throws IOException {
        for (String json : PAYLOADS) {
            JsonNode expected = JsonValues.parse(json);
            LazyJsonObject lazy = read("  " + json + "  ", 2);
            expected.fieldNames()
                    .forEachRemaining(field ->
                            assertThat(lazy.get(field)).as(json + " / " + field).isEqualTo(expected.get(field)));
            assertThat(lazy.tree()).as(json).isEqualTo(expected);
            assertThat(lazy.get("absent")).isNull();
            assertThat(lazy.path("absent").isMissingNode()).isTrue();
        }
    }

    @Test
    void fieldsReadAsTheJsonValuesHelpersReadThem() throws IOException {
        String json = PAYLOADS.get(3);
        JsonNode tree = JsonValues.parse(json);
        LazyJsonObject lazy = read(json, 0);
        for (String field : List.of("big", "pi", "nothing", "yes", "no", "usage", "absent")) {
            assertThat(lazy.text(field)).as(field).isEqualTo(JsonValues.text(tree, field));
            assertThat(lazy.number(field)).as(field).isEqualTo(JsonValues.number(tree, field));
            assertThat(lazy.bool(field)).as(field).isEqualTo(JsonValues.bool(tree, field));
            assertThat(lazy.hasNonNull(field)).as(field).isEqualTo(tree.hasNonNull(field));
        }
    }

    @Test
    void aRepeatedFieldKeepsItsLastValueAsATreeDoes() throws IOException {
        LazyJsonObject lazy = read(PAYLOADS.get(5), 0);
        assertThat(lazy.get("dup").get("second").asBoolean()).isTrue();
        // the same name spelt with an escape, asked for by a String that is not the interned literal
        LazyJsonObject escaped = read("{\"runId\":\"first\",\"run\\u0049d\":\"last\",\"seq\":1}", 0);
        assertThat(escaped.text("runId")).isEqualTo("last");
        assertThat(escaped.text(new String("runId".toCharArray()))).isEqualTo("last");
        assertThat(escaped.number(new String("seq".toCharArray()))).isEqualTo(1L);
    }

    @Test
    void overATreeTheFieldsAreTheTreesAndNullGivesTheEmptyObject() throws IOException {
        JsonNode tree = JsonValues.parse(PAYLOADS.get(0));
        LazyJsonObject wrapped = LazyJsonObject.of(tree);
        assertThat(wrapped.tree()).isSameAs(tree);
        assertThat(wrapped.text("deltaText")).isEqualTo("Hel");
        assertThat(LazyJsonObject.of(null)).isSameAs(LazyJsonObject.EMPTY);
        assertThat(LazyJsonObject.EMPTY.tree()).isNull();
        assertThat(LazyJsonObject.EMPTY.get("runId")).isNull();
    }

    @Test
    void brokenNestedValuesFailTheReadThoughTheyAreNotKept() {
        String json = "{\"ok\":1,\"message\":{\"text\":\"xx\"}}";
        byte[] badUtf8 = json.getBytes(StandardCharsets.UTF_8);
        badUtf8[json.indexOf("xx")] = (byte) 0xC3; // a lead byte followed by 'x': not UTF-8
        assertThatThrownBy(() -> read(json, badUtf8, 0)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"ok\":1,\"data\":{\"a\":[1,2}}", 0)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"ok\":1,\"data\":{\"a\":tru}}", 0)).isInstanceOf(IOException.class);
    }

    private static LazyJsonObject read(String json, int offset) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return read(json, bytes, offset);
    }

    private static LazyJsonObject read(String json, byte[] bytes, int offset) throws IOException {
        JsonScanner in = new JsonScanner(bytes, offset, bytes.length - offset);
        LazyJsonObject lazy = LazyJsonObject.read(in, bytes);
        in.finish();
        return lazy;
    }
}
