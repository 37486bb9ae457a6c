package io.camelopenclaw.client;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.auth.DeviceIdentityStore;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** With every frame logged at TRACE, no token, device token or signature reaches the log. */
class SecretRedactionTest {

    private static final String CLIENT_LOGGERS = "io.camelopenclaw.client";

    private final ClientFixture fx = new ClientFixture();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;

    @AfterEach
    void close() throws Exception {
        fx.close();
        if (appender != null) {
            LoggerContext.getContext(false).getConfiguration().getRootLogger().removeAppender(appender.getName());
            appender.stop();
        }
        Configurator.setLevel(CLIENT_LOGGERS, Level.INFO);
    }

    private void captureTrace() {
        appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                logged.add(event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerContext.getContext(false).getConfiguration().getRootLogger().addAppender(appender, Level.TRACE, null);
        Configurator.setLevel(CLIENT_LOGGERS, Level.TRACE);
    }

    @Test
    void framesAreLoggedWithoutSecrets(@TempDir Path dir) throws Exception {
        TestGateway gw = fx.gateway();
        captureTrace();
        DeviceIdentityStore store = DeviceIdentityStore.file(dir.resolve("id.json"));
        GatewayClient first = fx.client(fx.options(gw)
                .clientId("cli")
                .clientMode("cli")
                .deviceIdentityStore(store)
                .build());
        first.connect().get(10, TimeUnit.SECONDS);
        first.startRun(AgentRunRequest.builder("hello")
                        .sessionKey("agent:main:secret")
                        .build())
                .result()
                .get(10, TimeUnit.SECONDS);
        String deviceToken =
                store.deviceToken(gw.url(), "operator").orElseThrow().token();
        first.close();
        GatewayClient second = fx.client(fx.options(gw)
                .token(null)
                .clientId("cli")
                .clientMode("cli")
                .deviceIdentityStore(DeviceIdentityStore.file(dir.resolve("id.json")))
                .build());
        second.connect().get(10, TimeUnit.SECONDS);

        String signature = gw.receivedRequests()
                .get(0)
                .params()
                .path("device")
                .path("signature")
                .asText();
        assertThat(signature).isNotBlank();
        assertThat(logged).anyMatch(line -> line.contains("\"method\":\"connect\""));
        assertThat(logged).anyMatch(line -> line.contains("hello-ok"));
        assertThat(logged).anyMatch(line -> line.contains("***"));
        for (String line : logged) {
            assertThat(line)
                    .doesNotContain(ClientFixture.TOKEN)
                    .doesNotContain(deviceToken)
                    .doesNotContain(signature);
        }
        assertThat(first.toString() + second.toString() + second.options() + store)
                .doesNotContain(ClientFixture.TOKEN)
                .doesNotContain(deviceToken);
    }
}
