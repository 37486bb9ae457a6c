package io.camelopenclaw.testgateway.channel;

import java.util.List;

/** The scripted agent behind the fake channel plugin: the steps that answer one message. */
@FunctionalInterface
public interface ChannelScript {

    /** The default agent: streams "Echo: " plus the content as the partial reply, then sends it as the final reply. */
    ChannelScript ECHO = message -> {
        String reply = "Echo: " + message.content();
        return List.of(new ChannelAction.Typing(), new ChannelAction.Stream(reply), new ChannelAction.Final(reply));
    };

    List<ChannelAction> reply(ReceivedChannelMessage message);
}
