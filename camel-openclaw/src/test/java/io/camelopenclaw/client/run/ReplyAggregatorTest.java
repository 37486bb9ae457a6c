package io.camelopenclaw.client.run;

import io.camelopenclaw.client.json.JsonValues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyAggregatorTest {

    @Test
    void appendsIncrementsAndKeepsRepeatedText() {
        ReplyAggregator agg = new ReplyAggregator();
        agg.append("ECHO:", false);
        agg.append(" ha", false);
        ReplyAggregator.Change c = agg.append(" ha", false);
        assertThat(agg.text()).isEqualTo("ECHO: ha ha");
        assertThat(c).isEqualTo(new ReplyAggregator.Change(" ha", false));
    }

    @Test
    void replaceResetsTheText() {
        ReplyAggregator agg = new ReplyAggregator();
        agg.append("draft answer", false);
        assertThat(agg.append("final", true)).isEqualTo(new ReplyAggregator.Change("final", true));
        assertThat(agg.text()).isEqualTo("final");
    }

    @Test
    void cumulativeSnapshotsAreDiffed() {
        ReplyAggregator agg = new ReplyAggregator();
        assertThat(agg.snapshot("ECHO:")).isEqualTo(new ReplyAggregator.Change("ECHO:", false));
        assertThat(agg.snapshot("ECHO: hello")).isEqualTo(new ReplyAggregator.Change(" hello", false));
        assertThat(agg.snapshot("ECHO: hello")).isNull();
        assertThat(agg.snapshot("Rewritten")).isEqualTo(new ReplyAggregator.Change("Rewritten", true));
        assertThat(agg.text()).isEqualTo("Rewritten");
    }

    @Test
    void messageTextReadsStringsAndPartArrays() throws Exception {
        assertThat(RunEventApplier.messageText(JsonValues.parse("{\"role\":\"user\",\"content\":\"hi\"}")))
                .isEqualTo("hi");
        assertThat(
                        RunEventApplier.messageText(
                                JsonValues.parse(
                                        "{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"image\"},{\"type\":\"text\",\"text\":\"b\"}]}")))
                .isEqualTo("ab");
        assertThat(RunEventApplier.messageText(null)).isNull();
    }
}
