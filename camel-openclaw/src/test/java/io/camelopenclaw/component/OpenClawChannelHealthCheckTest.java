package io.camelopenclaw.component;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.testgateway.channel.TestChannelPlugin;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The readiness check of an openclaw:channel endpoint, against the fake openclaw-websocket plugin. */
class OpenClawChannelHealthCheckTest extends CamelTestSupport {

    static final String TOKEN = "channel-health-s3cret";
    static TestChannelPlugin plugin;

    private final TestHealthCheckRegistry registry = new TestHealthCheckRegistry();

    @BeforeAll
    static void startPlugin() {
        plugin = TestChannelPlugin.builder().token(TOKEN, "user-7").build().start();
    }

    @AfterAll
    static void stopPlugin() {
        plugin.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class).setEnvironment(name -> null);
        return context;
    }

    private String channel(String token) {
        return "openclaw:channel?channelUrl=" + plugin.url() + "&senderId=camel&channelToken=" + token
                + "&replyQuietPeriod=100&maxReconnectAttempts=1";
    }

    private HealthCheck.Result channelCheck() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream()
                .filter(r -> r.getDetails().containsKey(OpenClawChannelHealthCheck.STATE))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void upOnceThePluginGreetedAndGoneWithTheEndpoint() throws Exception {
        template.requestBody(channel(TOKEN), "hello");

        HealthCheck.Result result = channelCheck();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getCheck().getId()).startsWith("openclaw:channel:").doesNotContain(TOKEN);
        assertThat(result.getCheck().getGroup()).isEqualTo("openclaw");
        assertThat(result.getCheck().isLiveness()).isFalse();
        assertThat(result.getDetails()).containsEntry(OpenClawChannelHealthCheck.STATE, "READY");
        assertThat(String.valueOf(result.getDetails().get(OpenClawChannelHealthCheck.CHANNEL_URL)))
                .startsWith("ws://")
                .doesNotContain(TOKEN);

        context.stop();
        assertThat(registry.checks()).isEmpty();
    }

    @Test
    void downWithTheReasonWhenTheTokenIsRefused() {
        template.request(channel("wrong-token"), e -> e.getMessage().setBody("hello"));

        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> "FAILED".equals(channelCheck().getDetails().get(OpenClawChannelHealthCheck.STATE)));
        HealthCheck.Result result = channelCheck();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage())
                .hasValueSatisfying(m -> assertThat(m).startsWith("FAILED").doesNotContain("wrong-token"));
        assertThat(result.getError()).isPresent();
    }
}
