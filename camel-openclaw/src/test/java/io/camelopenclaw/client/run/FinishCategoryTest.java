package io.camelopenclaw.client.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Stop reasons of the gateway (the providers', passed on) and run outcomes map onto Camel's five categories. */
class FinishCategoryTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "OK, stop, null, COMPLETED",
                "OK, null, null, COMPLETED", // 2026.3.13 finals carry no stop reason
                "OK, end_turn, null, COMPLETED",
                "SILENT, stop, null, COMPLETED",
                "OK, length, null, TRUNCATED",
                "OK, max_tokens, null, TRUNCATED",
                "OK, toolUse, null, TOOL_CALL",
                "OK, tool_calls, null, TOOL_CALL",
                "OK, content_filter, null, FILTERED",
                "ERROR, null, refusal, FILTERED",
                "ERROR, error, rate_limit, OTHER",
                "ERROR, length, context_length, TRUNCATED",
                "ABORTED, rpc, null, OTHER",
                "ABORTED, stop, null, OTHER",
                "TIMEOUT, null, null, OTHER",
                "OK, something_new, null, OTHER"
            })
    void mapsOutcomeAndStopReason(RunOutcome outcome, String stopReason, String errorKind, FinishCategory expected) {
        assertThat(FinishCategory.of(outcome, stopReason, errorKind)).isEqualTo(expected);
    }
}
