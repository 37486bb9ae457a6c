package io.camelopenclaw.client.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link JsonScanner} against Jackson's tree parser, the reference: on every frame the recorded transcripts hold, on the
 * corners of JSON, and on thousands of broken variants of frames. Where Jackson accepts an input that is valid UTF-8,
 * the scanner builds the same tree; where Jackson rejects it, or it is not valid UTF-8, the scanner rejects it too.
 */
class JsonScannerTest {

    private static final Path TRANSCRIPTS = Path.of("../camel-openclaw-test-gateway/src/test/resources/transcripts");

    /** The reference: Jackson's defaults, and nothing may follow the value. */
    private static final ObjectMapper JACKSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final List<String> CORNERS = List.of(
            "{}",
            "[]",
            " \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } } \n",
            "0",
            "-0",
            "-0.0",
            "\"text\"",
            "true",
            "null",
            "[2147483647,2147483648,-2147483648,-2147483649]",
            "[9223372036854775807,9223372036854775808,-9223372036854775808,-9223372036854775809]",
            "[123456789012345678,1234567890123456789,12345678901234567890123]",
            "[1.5,-2.25e3,1E-7,6.02e+23,1e400,0.1]",
            "{\"esc\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20ac\\ud83d\\ude00\\u0000\"}",
            "{\"lone\":\"\\ud800\"}",
            "{\"raw\":\"été € \uD83D\uDE00 \u007f\"}",
            "{\"mixed\":\"é\\n€\"}",
            "{\"\\u0074ype\":\"event\",\"na\\\"me\":1,\"nämé\":2}",
            "{\"dup\":1,\"other\":2,\"dup\":{\"x\":[]}}",
            "[[[[[[[[[[[[[[[[[[[[\"deep\"]]]]]]]]]]]]]]]]]]]]",
            "[" + "[".repeat(998) + "]".repeat(998) + "]",
            "[" + "[".repeat(999) + "]".repeat(999) + "]",
            "1" + "0".repeat(999),
            "1" + "0".repeat(1000),
            "{\"a\":1}x",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":.5}",
            "{\"a\":+1}",
            "{\"a\":1e}",
            "{\"a\":-}",
            "{\"a\":NaN}",
            "{\"a\":tru}",
            "{\"a\":nul}",
            "{\"a\":1,}",
            "[1,]",
            "[,1]",
            "{,}",
            "{\"a\" 1}",
            "{'a':1}",
            "{a:1}",
            "{\"a\":\"\\x\"}",
            "{\"a\":\"\\u12\"}",
            "{\"a\":\"\\u12g4\"}",
            "{\"a\":\"tab\there\"}",
            "{\"a\":\"unterminated}",
            "",
            "   ",
            "{\"a\":1}{\"b\":2}");

    @Test
    void everyRecordedFrameReadsAsJacksonReadsIt() throws IOException {
        List<byte[]> inputs = recordedInputs();
        assertThat(inputs).hasSizeGreaterThan(500);
        for (byte[] input : inputs) {
            assertSameAsJackson(input);
        }
    }

    @Test
    void theCornersOfJsonReadAsJacksonReadsThem() {
        for (String json : CORNERS) {
            assertSameAsJackson(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyTruncationAndEveryByteChangeOfFramesIsJudgedAsJacksonJudgesIt() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(utf8("{\"type\":\"event\",\"event\":\"chat\",\"payload\":{\"runId\":\"r-1\",\"state\":\"delta\","
                + "\"deltaText\":\"é\\n€\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"a\\u00e9\uD83D\uDE00\"}],"
                + "\"timestamp\":1764950000000},\"seq\":-12.5e3,\"ok\":true,\"none\":null},\"seq\":42}"));
        seeds.add(utf8("{\"type\":\"res\",\"id\":\"7\",\"ok\":false,\"error\":{\"code\":\"INVALID_REQUEST\","
                + "\"details\":[1,2.5,[],{},false]}}"));
        seeds.add(recordedInputs().get(3));
        byte[] replacements = {
            '"',
            '\\',
            '{',
            '}',
            '[',
            ']',
            ',',
            ':',
            '0',
            '9',
            '-',
            '+',
            '.',
            'e',
            'u',
            'x',
            ' ',
            '\t',
            0x00,
            0x01,
            0x1F,
            0x7F,
            (byte) 0x80,
            (byte) 0xBF,
            (byte) 0xC0,
            (byte) 0xC1,
            (byte) 0xC3,
            (byte) 0xE0,
            (byte) 0xED,
            (byte) 0xF0,
            (byte) 0xF4,
            (byte) 0xF5,
            (byte) 0xFF
        };
        int rejected = 0;
        int cases = 0;
        for (byte[] seed : seeds) {
            for (int i = 0; i <= seed.length; i++) {
                rejected += assertSameAsJackson(Arrays.copyOf(seed, i)) ? 0 : 1;
                cases++;
            }
            for (int i = 0; i < seed.length; i++) {
                for (byte b : replacements) {
                    byte[] changed = seed.clone();
                    changed[i] = b;
                    rejected += assertSameAsJackson(changed) ? 0 : 1;
                    cases++;
                }
            }
        }
        assertThat(cases).isGreaterThan(10_000);
        assertThat(rejected).as("most broken variants are rejected").isGreaterThan(cases / 2);
    }

    @Test
    void fieldNamesAreSharedAcrossInputs() throws IOException {
        JsonNode first = JsonScanner.tree(utf8("{\"sessionKey\":1}"), 0, 16);
        JsonScanner in = new JsonScanner(utf8("{\"sessionKey\":2}"), 0, 16);
        assertThat(in.enterObject()).isTrue();
        assertThat(in.nextField()).isSameAs(first.fieldNames().next()).isSameAs("sessionKey"); // interned
    }

    @Test
    void namesOfEveryLengthAndTheirNearMissesReadAsJacksonReadsThem() throws IOException {
        for (int length = 1; length <= 40; length++) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < length; i++) {
                name.append((char) ('a' + i % 26));
            }
            String known = name.toString();
            byte[] first = utf8("{\"" + known + "\":0}");
            JsonScanner.tree(first, 0, first.length); // now in the table
            List<String> variants = new ArrayList<>(List.of(known, known + "x", known.substring(1)));
            for (int at = 0; at < length; at += 7) {
                for (String replacement : List.of("\\\"", "\\u0041", "\u00e9", "\t", "\"", "A")) {
                    variants.add(known.substring(0, at) + replacement + known.substring(at + 1));
                }
            }
            for (String variant : variants) {
                // the name followed by much input, and as the last bytes of the input
                assertSameAsJackson(utf8("{\"" + variant + "\":1,\"padding\":\"" + "p".repeat(40) + "\"}"));
                assertSameAsJackson(utf8("{\"" + variant + "\":1}"));
                assertSameAsJackson(utf8("{\"" + variant + "\""));
            }
        }
    }

    @Test
    void anObjectIsReadFieldByFieldWithNestedValuesSkippedOrReadWhole() throws IOException {
        byte[] json = utf8(" {\"a\":\"x\",\"nested\":{\"b\":[1,{\"c\":null}]},\"n\":12,\"tree\":[true]} ");
        JsonScanner in = new JsonScanner(json, 0, json.length);
        assertThat(in.isObjectNext()).isTrue();
        assertThat(in.enterObject()).isTrue();
        assertThat(in.nextField()).isEqualTo("a");
        assertThat(in.readScalar().textValue()).isEqualTo("x");
        assertThat(in.nextField()).isEqualTo("nested");
        int nestedStart = in.position();
        assertThat(in.readScalar()).isNull();
        assertThat(JsonScanner.tree(json, nestedStart, in.position() - nestedStart))
                .isEqualTo(JACKSON.readTree("{\"b\":[1,{\"c\":null}]}"));
        assertThat(in.nextField()).isEqualTo("n");
        assertThat(in.readScalar().intValue()).isEqualTo(12);
        assertThat(in.nextField()).isEqualTo("tree");
        assertThat(in.readValue()).isEqualTo(JACKSON.readTree("[true]"));
        assertThat(in.nextField()).isNull();
        in.finish();
    }

    @Test
    void errorsNameWhatWasWrongAndWhere() {
        assertThatThrownBy(() -> tree("{\"a\":1,}"))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("unexpected '}' (expected a field name) at byte 7");
        assertThatThrownBy(() -> tree("{\"a\":\"\u0001\"}"))
                .hasMessageContaining("control character (code 1) in a string at byte 6");
        byte[] overlong = {'"', (byte) 0xC0, (byte) 0x80, '"'};
        assertThatThrownBy(() -> JsonScanner.tree(overlong, 0, overlong.length))
                .hasMessageContaining("invalid UTF-8 sequence");
        assertThatThrownBy(() -> tree("[" + "[".repeat(1000) + "]".repeat(1000) + "]"))
                .hasMessageContaining("nesting deeper than 1000 levels");
        assertThatThrownBy(() -> tree("{\"a\":1} {}")).hasMessageContaining("expected the end of the input");
    }

    @Test
    void theInputIsUtf8AndNothingElse() {
        byte[] utf16 = {'1', 0}; // "1" in UTF-16LE, which Jackson guesses from the NUL byte when given bytes
        assertThatThrownBy(() -> JsonScanner.tree(utf16, 0, utf16.length))
                .hasMessageContaining("unexpected byte 0x0 (expected the end of the input) at byte 1");
    }

    /** Asserts that the scanner agrees with the reference; tells whether the input was accepted. */
    private static boolean assertSameAsJackson(byte[] input) {
        JsonNode expected = reference(input);
        String shown = new String(input, StandardCharsets.UTF_8);
        if (expected == null) {
            try {
                JsonNode read = JsonScanner.tree(input, 0, input.length);
                fail("accepted what the reference rejects: " + shown + " read as " + read);
            } catch (JsonParseException e) {
                return false;
            }
        }
        try {
            assertThat(JsonScanner.tree(input, 0, input.length)).as(shown).isEqualTo(expected);
        } catch (JsonParseException e) {
            fail("rejected what the reference accepts: " + shown, e);
        }
        return true;
    }

    /**
     * Jackson's tree of the input read as UTF-8 text, or {@code null} when the input is not UTF-8 or Jackson rejects it.
     * (Given the bytes themselves, Jackson would guess UTF-16 or UTF-32 from NUL bytes; a WebSocket text frame is UTF-8.
     * Reading text, Jackson takes a non-ASCII character among the four hex digits of a unicode escape by its low byte,
     * U+0132 as the digit 2, where the scanner refuses it; no variant here puts a whole multi-byte character there.)
     */
    private static JsonNode reference(byte[] input) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input))
                    .toString();
            JsonNode tree = JACKSON.readTree(text);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (IOException e) {
            return null; // not UTF-8 (a CharacterCodingException) or not JSON
        }
    }

    /** Every line of every recorded transcript, and every frame in them as Jackson writes it. */
    private static List<byte[]> recordedInputs() throws IOException {
        List<byte[]> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TRANSCRIPTS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    inputs.add(utf8(line));
                    JsonNode frame = JACKSON.readTree(line).get("frame");
                    if (frame != null) {
                        inputs.add(JACKSON.writeValueAsBytes(frame));
                    }
                }
            }
        }
        return inputs;
    }

    private static JsonNode tree(String json) throws JsonParseException {
        byte[] bytes = utf8(json);
        return JsonScanner.tree(bytes, 0, bytes.length);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
