package io.camelopenclaw.testgateway.channel;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.java_websocket.WebSocket;

/** Plays one message's scripted steps on the plugin's timer; pauses reschedule, nothing blocks. */
final class ScriptRun {

    private final WebSocket socket;
    private final String messageId;
    private final Iterator<ChannelAction> steps;
    private final ScheduledExecutorService timer;

    ScriptRun(WebSocket socket, String messageId, List<ChannelAction> steps, ScheduledExecutorService timer) {
        this.socket = socket;
        this.messageId = messageId;
        this.steps = steps.iterator();
        this.timer = timer;
    }

    void next() {
        while (steps.hasNext()) {
            ChannelAction step = steps.next();
            if (step instanceof ChannelAction.Pause pause) {
                timer.schedule(this::next, pause.duration().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            play(step);
        }
    }

    private void play(ChannelAction step) {
        if (step instanceof ChannelAction.Typing) {
            ChannelServer.send(socket, frame("chat.typing", false));
        } else if (step instanceof ChannelAction.Stream stream) {
            ChannelServer.send(socket, reply("chat.stream", stream.content(), false));
        } else if (step instanceof ChannelAction.Final reply) {
            for (String chunk : ReplyChunker.chunks(reply.text())) {
                ChannelServer.send(socket, reply("chat.response", chunk, true));
            }
        } else if (step instanceof ChannelAction.Error error) {
            ChannelServer.sendError(socket, messageId, error.error());
        } else if (step instanceof ChannelAction.Raw raw) {
            ChannelServer.sendRaw(socket, raw.frame());
        } else if (step instanceof ChannelAction.Close close) {
            socket.close(close.code(), close.reason());
        }
    }

    private ObjectNode reply(String type, String content, boolean done) {
        return frame(type, true).put("content", content).put("done", done);
    }

    private ObjectNode frame(String type, boolean withId) {
        ObjectNode frame = ChannelServer.JSON.createObjectNode().put("type", type);
        return withId ? frame.put("messageId", messageId) : frame;
    }
}
