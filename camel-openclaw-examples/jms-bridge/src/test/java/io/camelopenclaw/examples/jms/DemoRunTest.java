package io.camelopenclaw.examples.jms;

import java.time.Duration;

import io.camelopenclaw.examples.support.ExampleProcess;
import org.junit.jupiter.api.Test;

/** {@link JmsBridgeExample} run as a newcomer runs it: it prints the agent's reply and ends without a warning or stack trace. */
class DemoRunTest {

    @Test
    void theDemoPrintsTheReplyAndShutsDownClean() {
        ExampleProcess.assertRunsClean(JmsBridgeExample.class, 5, Duration.ofMinutes(2));
    }
}
