package io.camelopenclaw.component;

import java.net.URI;
import java.time.Duration;

import io.camelopenclaw.client.channel.ChannelClientOptions;
import io.camelopenclaw.client.channel.ChannelUrls;

/** The channel client's options from an endpoint's configuration (the connect and reconnect timing is shared). */
final class ChannelSettings {

    private ChannelSettings() {}

    static ChannelClientOptions options(OpenClawConfiguration config) {
        URI url;
        try {
            url = URI.create(config.getChannelUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "channelUrl is not a URI: " + ChannelUrls.redact(config.getChannelUrl()));
        }
        return ChannelClientOptions.builder(url)
                .senderId(config.getSenderId())
                .senderName(config.getSenderName())
                .token(config.getChannelToken())
                .connectTimeout(Duration.ofMillis(config.getConnectTimeout()))
                .replyTimeout(Duration.ofMillis(config.getReplyTimeout()))
                .completion(config.getReplyCompletion())
                .quietPeriod(Duration.ofMillis(config.getReplyQuietPeriod()))
                .reconnectInitialDelay(Duration.ofMillis(config.getReconnectInitialDelay()))
                .reconnectMaxDelay(Duration.ofMillis(config.getReconnectMaxDelay()))
                .maxReconnectAttempts(config.getMaxReconnectAttempts())
                .maxFrameBytes(config.getChannelMaxFrameSize())
                .build();
    }
}
