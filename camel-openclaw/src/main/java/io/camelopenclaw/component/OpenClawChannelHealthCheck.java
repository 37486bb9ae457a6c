package io.camelopenclaw.component;

import java.util.Map;

import io.camelopenclaw.client.channel.ChannelClient;
import io.camelopenclaw.client.channel.ChannelState;
import io.camelopenclaw.client.error.GatewayException;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness check of one {@code openclaw:channel} endpoint's connection to the channel plugin: UP once the plugin
 * greeted the client; DOWN while connecting or reconnecting, and with the reason once the client gave up (token
 * refused, reconnect attempts used up).
 */
public final class OpenClawChannelHealthCheck extends OpenClawReadinessCheck {

    /** Detail: the plugin's address, without the token. */
    public static final String CHANNEL_URL = "openclaw.channel.url";
    /** Detail: the channel client's state ({@code READY}, {@code RECONNECT_WAIT}, {@code FAILED}, ...). */
    public static final String STATE = "openclaw.channel.state";

    private final ChannelClient client;

    OpenClawChannelHealthCheck(String id, ChannelClient client) {
        super(id);
        this.client = client;
    }

    @Override
    public Result call(Map<String, Object> options) {
        ChannelState state = client.state();
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this)
                .detail(CHANNEL_URL, client.displayUrl())
                .detail(STATE, state.name());
        if (state == ChannelState.READY) {
            return builder.up().build();
        }
        GatewayException failure = client.failure();
        return builder.down()
                .message(failure != null ? state + ": " + failure.getMessage() : state.name())
                .error(failure)
                .build();
    }
}
