package io.camelopenclaw.client.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.camelopenclaw.client.json.JsonValues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundFrameTest {

    private static final String EVENT = "{\"type\":\"event\",\"event\":\"chat\",\"payload\":{\"runId\":\"r1\","
            + "\"state\":\"final\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}},\"seq\":42}";

    @Test
    void anEventsEnvelopeIsReadAndItsPayloadFieldsAreAtHand() throws IOException {
        InboundFrame frame = read(EVENT, false);
        assertThat(frame.type()).isEqualTo("event");
        assertThat(frame.event()).isEqualTo("chat");
        assertThat(frame.seq()).isEqualTo(42L);
        assertThat(frame.payload().text("runId")).isEqualTo("r1");
        assertThat(frame.payload().get("message").at("/content/0/text").asText())
                .isEqualTo("done");
    }

    @Test
    void forListenersThePayloadIsATreeAtOnce() throws IOException {
        InboundFrame frame = read(EVENT, true);
        assertThat(frame.payload().tree().get("state").asText()).isEqualTo("final");
    }

    @Test
    void fieldsInAnyOrderAndUnknownOnesAreRead() throws IOException {
        InboundFrame frame = read(
                "{\"seq\":7,\"extra\":{\"deep\":[1,{\"x\":null}]},\"payload\":null,\"event\":\"tick\",\"type\":\"event\"}",
                false);
        assertThat(frame.type()).isEqualTo("event");
        assertThat(frame.event()).isEqualTo("tick");
        assertThat(frame.seq()).isEqualTo(7L);
        assertThat(frame.payload().tree()).isNull();
    }

    @Test
    void aResponseIsReadWholeInTheSamePassAsATreeParserReadsIt() throws IOException {
        String json = "{\"type\":\"res\",\"id\":\"9\",\"ok\":false,\"payload\":null,"
                + "\"error\":{\"code\":\"INVALID_REQUEST\",\"details\":[1,{\"a\":true}]},\"extra\":1.5}";
        InboundFrame frame = read(json, false);
        assertThat(frame.type()).isEqualTo("res");
        assertThat(frame.response().path("id").asText()).isEqualTo("9");
        assertThat(frame.response()).isEqualTo(JsonValues.parse(json));
    }

    @Test
    void aResponseWhoseTypeComesLaterIsParsedWholeAgain() throws IOException {
        String json = "{\"id\":\"9\",\"type\":\"res\",\"ok\":true,\"payload\":{\"x\":1}}";
        InboundFrame frame = read(json, false);
        assertThat(frame.type()).isEqualTo("res");
        assertThat(frame.response().path("id").asText()).isEqualTo("9");
        assertThat(frame.response()).isEqualTo(JsonValues.parse(json));
    }

    @Test
    void onlyResponsesCarryAWholeTree() throws IOException {
        assertThat(read(EVENT, false).response()).isNull();
    }

    @Test
    void jsonThatIsNotAnObjectHasNoType() throws IOException {
        assertThat(read("[1,2,3]", false).type()).isNull();
        assertThat(read("\"event\"", false).type()).isNull();
        assertThat(read("{\"type\":{\"not\":\"text\"}}", false).type()).isNull();
    }

    @Test
    void malformedJsonAnywhereInTheFrameFails() {
        assertThatThrownBy(() -> read("{\"type\":\"event\",\"payload\":{\"a\":", false))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"type\":\"event\",\"extra\":[1,,2]}", false))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"type\":\"res\",\"id\":\"1\",\"payload\":{\"a\":[}}", false))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"type\":\"event\",\"payload\":{\"m\":{\"t\":\"\u0001\"}}}", false))
                .isInstanceOf(IOException.class);
    }

    @Test
    void anythingButWhitespaceAfterTheFrameFails() throws IOException {
        assertThat(read(EVENT + " \n", false).event()).isEqualTo("chat");
        assertThatThrownBy(() -> read(EVENT + " {}", false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("expected the end of the input");
        assertThatThrownBy(() -> read("[1] 2", false)).isInstanceOf(IOException.class);
    }

    private static InboundFrame read(String json, boolean payloadAsTree) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return InboundFrame.read(bytes, 0, bytes.length, payloadAsTree);
    }
}
