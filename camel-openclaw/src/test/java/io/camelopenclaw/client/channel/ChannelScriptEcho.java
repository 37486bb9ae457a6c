package io.camelopenclaw.client.channel;

import java.util.List;

import io.camelopenclaw.testgateway.channel.ChannelAction;
import io.camelopenclaw.testgateway.channel.ChannelScript;
import io.camelopenclaw.testgateway.channel.ReceivedChannelMessage;

/** The fake plugin's default echo agent, for scripts that answer most messages normally. */
final class ChannelScriptEcho {

    private ChannelScriptEcho() {}

    static List<ChannelAction> of(ReceivedChannelMessage message) {
        return ChannelScript.ECHO.reply(message);
    }
}
