package io.camelopenclaw.examples.kafka;

import java.time.Duration;

import io.camelopenclaw.examples.support.ExampleProcess;
import org.junit.jupiter.api.Test;

/** {@link KafkaBridgeExample} run as a newcomer runs it: it prints the agent's reply and ends without a warning or stack trace. */
class DemoRunTest {

    @Test
    void theDemoPrintsTheReplyAndShutsDownClean() {
        ExampleProcess.assertRunsClean(KafkaBridgeExample.class, 2, Duration.ofMinutes(2));
    }
}
