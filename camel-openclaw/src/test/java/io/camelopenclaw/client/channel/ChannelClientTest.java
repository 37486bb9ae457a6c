package io.camelopenclaw.client.channel;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.error.ChannelAuthException;
import io.camelopenclaw.client.error.ChannelErrorException;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.GatewayProtocolException;
import io.camelopenclaw.client.error.GatewayTimeoutException;
import io.camelopenclaw.client.error.PayloadTooLargeException;
import io.camelopenclaw.testgateway.channel.ChannelAction;
import io.camelopenclaw.testgateway.channel.ReceivedChannelMessage;
import io.camelopenclaw.testgateway.channel.TestChannelPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The channel client against the fake openclaw-websocket plugin. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChannelClientTest {

    static final String TOKEN = "s3cret-channel-token";

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<ChannelFrame> unprompted = new CopyOnWriteArrayList<>();
    private final List<Boolean> late = new CopyOnWriteArrayList<>();
    private final List<GatewayException> errors = new CopyOnWriteArrayList<>();
    private final List<ChannelFrame> greetings = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    TestChannelPlugin plugin(TestChannelPlugin.Builder builder) {
        TestChannelPlugin plugin = builder.build().start();
        closeables.add(plugin);
        return plugin;
    }

    TestChannelPlugin plugin() {
        return plugin(TestChannelPlugin.builder().token(TOKEN, "user-1"));
    }

    static ChannelClientOptions.Builder options(TestChannelPlugin plugin) {
        return ChannelClientOptions.builder(URI.create(plugin.url()))
                .senderId("camel")
                .senderName("Camel Route")
                .token(TOKEN)
                .quietPeriod(Duration.ofMillis(150))
                .replyTimeout(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(5))
                .reconnectInitialDelay(Duration.ofMillis(50))
                .reconnectMaxDelay(Duration.ofMillis(200));
    }

    ChannelClient client(ChannelClientOptions options) {
        ChannelClient client = new ChannelClient(options);
        client.addListener(new ChannelListener() {
            @Override
            public void onFrame(ChannelFrame frame, boolean isLate) {
                if (!ChannelFrame.TYPING.equals(frame.type())) { // typing frames carry no message id: all go here
                    unprompted.add(frame);
                    late.add(isLate);
                }
            }

            @Override
            public void onGreeting(ChannelFrame greeting) {
                greetings.add(greeting);
            }

            @Override
            public void onError(GatewayException error) {
                errors.add(error);
            }
        });
        closeables.add(client);
        return client.start();
    }

    static ChannelReply reply(CompletableFuture<ChannelReply> future) throws Exception {
        return future.get(15, TimeUnit.SECONDS);
    }

    static Throwable failure(CompletableFuture<ChannelReply> future) {
        assertThatThrownBy(() -> future.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        return future.handle((r, e) -> e).join();
    }

    @Test
    void answersAMessageWithTheAgentsReplyAndSendsItsFields() throws Exception {
        TestChannelPlugin plugin = plugin();
        ChannelClient client = client(options(plugin).build());

        ChannelReply reply = reply(client.send(ChannelMessage.builder("hello")
                .messageId("m-1")
                .chatType(ChannelMessage.ChatType.GROUP)
                .groupId("dev-team")
                .groupSubject("Dev Team")
                .replyToMessageId("m-0")
                .replyToBody("earlier")
                .mediaPaths(List.of("/tmp/a.png"))
                .mediaTypes(List.of("image/png"))
                .customData(Map.of("priority", "high"))
                .build()));

        assertThat(reply.messageId()).isEqualTo("m-1");
        assertThat(reply.text()).isEqualTo("Echo: hello");
        assertThat(reply.chunks()).containsExactly("Echo: hello");
        assertThat(reply.streamFrames()).isEqualTo(1);
        assertThat(reply.lastStream()).isEqualTo("Echo: hello");
        ReceivedChannelMessage received = plugin.messages().get(0);
        assertThat(received.connectionSenderId()).isEqualTo("user-1"); // the auth service's user, not ?senderId
        assertThat(received.field("type")).isEqualTo("chat.send");
        assertThat(received.field("chatType")).isEqualTo("group");
        assertThat(received.field("groupId")).isEqualTo("dev-team");
        assertThat(received.field("groupSubject")).isEqualTo("Dev Team");
        assertThat(received.field("replyToMessageId")).isEqualTo("m-0");
        assertThat(received.field("replyToBody")).isEqualTo("earlier");
        assertThat(received.field("mediaPath")).isEqualTo("/tmp/a.png");
        assertThat(received.field("mediaType")).isEqualTo("image/png");
        assertThat(received.field("mediaPaths")).isNull();
        assertThat(received.field("customData")).isEqualTo("{\"priority\":\"high\"}");
        assertThat(greetings).extracting(ChannelFrame::content).containsExactly("Connected to WebSocket chat server");
        assertThat(unprompted).isEmpty();
    }

    @Test
    void severalMediaFilesGoAsLists() throws Exception {
        TestChannelPlugin plugin = plugin();
        ChannelClient client = client(options(plugin).build());

        reply(client.send(ChannelMessage.builder("look")
                .mediaPaths(List.of("/a.png", "/b.pdf"))
                .mediaTypes(List.of("image/png", "application/pdf"))
                .build()));

        ReceivedChannelMessage received = plugin.messages().get(0);
        assertThat(received.field("mediaPaths")).isEqualTo("[\"/a.png\",\"/b.pdf\"]");
        assertThat(received.field("mediaTypes")).isEqualTo("[\"image/png\",\"application/pdf\"]");
        assertThat(received.field("mediaPath")).isNull();
        assertThat(received.messageId()).isNotBlank(); // generated by the client
    }

    @Test
    void aReplySplitIntoSeveralFramesIsCollected() throws Exception {
        TestChannelPlugin plugin = plugin();
        String longParagraph = "word ".repeat(1700).trim(); // 8,499 chars: three pieces of at most 4,000
        String text = "First paragraph.\n\nSecond paragraph.\n\n" + longParagraph;
        plugin.script(m -> List.of(
                new ChannelAction.Stream("First"),
                new ChannelAction.Pause(Duration.ofMillis(20)),
                new ChannelAction.Final(text)));
        ChannelClient client = client(options(plugin).build());

        ChannelReply reply =
                reply(client.send(ChannelMessage.builder("write a lot").build()));

        assertThat(reply.chunks()).hasSize(5);
        assertThat(reply.chunks().subList(0, 2)).containsExactly("First paragraph.", "Second paragraph.");
        assertThat(reply.chunks().subList(2, 5))
                .allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(4000));
        assertThat(String.join(" ", reply.chunks().subList(2, 5))).isEqualTo(longParagraph);
        assertThat(reply.text()).startsWith("First paragraph.\n\nSecond paragraph.\n\nword word");
        assertThat(reply.streamFrames()).isEqualTo(1);
    }

    @Test
    void firstResponseCompletesAtOnceAndReportsTheRestAsLate() throws Exception {
        TestChannelPlugin plugin = plugin();
        plugin.script(m -> List.of(new ChannelAction.Final("one\n\ntwo")));
        ChannelClient client = client(
                options(plugin).completion(ReplyCompletion.FIRST_RESPONSE).build());

        ChannelReply reply = reply(client.send(ChannelMessage.builder("hi").build()));

        assertThat(reply.chunks()).containsExactly("one");
        await().until(() -> unprompted.size() == 1);
        assertThat(unprompted.get(0).content()).isEqualTo("two");
        assertThat(late).containsExactly(true);
    }

    @Test
    void chatErrorFailsTheMessageWithThePluginsText() {
        TestChannelPlugin plugin = plugin();
        plugin.script(m -> List.of(ChannelAction.failure("model overloaded")));
        ChannelClient client = client(options(plugin).build());

        Throwable error = failure(
                client.send(ChannelMessage.builder("hi").messageId("m-err").build()));

        assertThat(error).isInstanceOf(ChannelErrorException.class);
        ChannelErrorException channelError = (ChannelErrorException) error;
        assertThat(channelError.messageId()).isEqualTo("m-err");
        assertThat(channelError.channelError()).isEqualTo("Failed to process message: Error: model overloaded");
    }

    @Test
    void wrongTokenFailsTypedAndIsNotRetried() {
        TestChannelPlugin plugin = plugin();
        ChannelClient client = client(options(plugin).token("wrong-token").build());

        Throwable error = failure(client.send(ChannelMessage.builder("hi").build()));

        assertThat(error)
                .isInstanceOf(ChannelAuthException.class)
                .hasMessageContaining("4401")
                .hasMessageContaining("Authentication failed: auth_failed")
                .hasMessageNotContaining("wrong-token");
        assertThat(client.state()).isEqualTo(ChannelState.FAILED);
        assertThat(plugin.connectAttempts()).isEqualTo(1);
        assertThat(failure(client.send(ChannelMessage.builder("again").build())))
                .isInstanceOf(ChannelAuthException.class);
        assertThat(errors).hasSize(1).first().isInstanceOf(ChannelAuthException.class);
        assertThat(plugin.messages()).isEmpty();
    }

    @Test
    void missingTokenFailsWithThePluginsExplanation() {
        TestChannelPlugin plugin = plugin();
        ChannelClient client = client(options(plugin).token(null).build());

        assertThat(failure(client.send(ChannelMessage.builder("hi").build())))
                .isInstanceOf(ChannelAuthException.class)
                .hasMessageContaining("Token required");
    }

    @Test
    void theTokenIsMaskedInTheDisplayedAddress() {
        TestChannelPlugin plugin = plugin();
        ChannelClient client = client(options(plugin).build());

        assertThat(client.displayUrl()).isEqualTo(plugin.url() + "?senderId=camel&senderName=Camel+Route&token=***");
        assertThat(ChannelUrls.redact("x ws://h/ws?token=abc&b=1 and ?a=1&TOKEN=def#f"))
                .isEqualTo("x ws://h/ws?token=***&b=1 and ?a=1&TOKEN=***#f");
    }

    @Test
    void messagesSentBeforeTheGreetingWaitForIt() throws Exception {
        TestChannelPlugin plugin =
                plugin(TestChannelPlugin.builder().token(TOKEN, "user-1").authDelay(Duration.ofMillis(300)));
        ChannelClient client = client(options(plugin).build());

        CompletableFuture<ChannelReply> early =
                client.send(ChannelMessage.builder("early").build());

        assertThat(reply(early).text()).isEqualTo("Echo: early");
    }

    @Test
    void malformedFramesAreReportedAndTheConnectionGoesOn() throws Exception {
        TestChannelPlugin plugin = plugin();
        plugin.script(m -> m.content().equals("bad shape")
                ? List.of(new ChannelAction.Raw(
                        "{\"type\":\"chat.response\",\"messageId\":\"" + m.messageId() + "\",\"content\":42}"))
                : List.of(new ChannelAction.Raw("not json at all"), new ChannelAction.Final("fine")));
        ChannelClient client = client(options(plugin).build());

        assertThat(reply(client.send(ChannelMessage.builder("hi").build())).text())
                .isEqualTo("fine");
        assertThat(errors).singleElement().isInstanceOf(GatewayProtocolException.class);
        assertThat(errors.get(0)).hasMessageContaining("not JSON");

        assertThat(failure(client.send(ChannelMessage.builder("bad shape").build())))
                .isInstanceOf(GatewayProtocolException.class)
                .hasMessageContaining("without a text content");
        assertThat(client.state()).isEqualTo(ChannelState.READY);
    }

    @Test
    void pluginGoneMidReplyFailsTheMessageAndTheClientReconnects() throws Exception {
        TestChannelPlugin plugin = plugin();
        plugin.script(m -> m.content().equals("die")
                ? List.of(new ChannelAction.Stream("partial"), new ChannelAction.Close(1000, "Server shutting down"))
                : ChannelScriptEcho.of(m));
        ChannelClient client = client(options(plugin).build());

        assertThat(failure(client.send(ChannelMessage.builder("die").build())))
                .isInstanceOf(GatewayConnectionLostException.class)
                .hasMessageContaining("1000");
        assertThat(reply(client.send(ChannelMessage.builder("after").build())).text())
                .isEqualTo("Echo: after");
        assertThat(plugin.connectAttempts()).isEqualTo(2);
    }

    @Test
    void messagesWaitForAStoppedPluginToComeBack() throws Exception {
        TestChannelPlugin plugin = plugin();
        ChannelClient client = client(options(plugin).build());
        reply(client.send(ChannelMessage.builder("first").build()));

        plugin.stop();
        await().until(() -> client.state() != ChannelState.READY);
        CompletableFuture<ChannelReply> whileDown =
                client.send(ChannelMessage.builder("while down").build());
        plugin.start();

        assertThat(reply(whileDown).text()).isEqualTo("Echo: while down");
        assertThat(errors).singleElement().isInstanceOf(GatewayConnectionLostException.class);
    }

    @Test
    void noReplyWithinTheTimeoutFailsTyped() {
        TestChannelPlugin plugin = plugin();
        plugin.script(m -> List.of(new ChannelAction.Typing())); // a silent agent: the plugin sends nothing more
        ChannelClient client =
                client(options(plugin).replyTimeout(Duration.ofMillis(300)).build());

        assertThat(failure(client.send(
                        ChannelMessage.builder("hi").messageId("m-t").build())))
                .isInstanceOf(GatewayTimeoutException.class)
                .hasMessageContaining("m-t")
                .hasMessageContaining("300 ms");
    }

    @Test
    void anOversizedInboundFrameFailsTheMessageTypedAndTheClientReconnects() throws Exception {
        TestChannelPlugin plugin = plugin();
        plugin.script(m -> m.content().equals("big")
                ? List.of(new ChannelAction.Final("x".repeat(3000)))
                : ChannelScriptEcho.of(m));
        ChannelClient client = client(options(plugin).maxFrameBytes(2048).build());

        assertThat(failure(client.send(ChannelMessage.builder("big").build())))
                .isInstanceOf(GatewayProtocolException.class)
                .hasMessageContaining("maxFrameBytes");
        assertThat(reply(client.send(ChannelMessage.builder("small").build())).text())
                .isEqualTo("Echo: small");
    }

    @Test
    void anOversizedMessageIsRefusedBeforeSending() throws Exception {
        TestChannelPlugin plugin = plugin();
        ChannelClient client = client(options(plugin).maxFrameBytes(2048).build());

        assertThat(failure(client.send(ChannelMessage.builder("y".repeat(4000)).build())))
                .isInstanceOf(PayloadTooLargeException.class);
        reply(client.send(ChannelMessage.builder("ok").build()));
        assertThat(plugin.messages())
                .extracting(ReceivedChannelMessage::content)
                .containsExactly("ok");
    }

    @Test
    void theGreetingAndUnpromptedMessagesGoToListenersSeparately() throws Exception {
        TestChannelPlugin plugin = plugin();
        ChannelClient client = client(options(plugin).build());
        await().until(() -> client.state() == ChannelState.READY);

        plugin.broadcast("Reminder: stand-up in 5 minutes");

        await().until(() -> unprompted.size() == 1);
        assertThat(greetings).hasSize(1);
        assertThat(unprompted.get(0).content()).isEqualTo("Reminder: stand-up in 5 minutes");
        assertThat(unprompted.get(0).isUnprompted()).isTrue();
        assertThat(late).containsExactly(false);
    }

    @Test
    void invalidMessagesAreRefusedBeforeSending() {
        assertThatThrownBy(() -> ChannelMessage.builder("").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChannelMessage.builder("x")
                        .chatType(ChannelMessage.ChatType.GROUP)
                        .build())
                .hasMessageContaining("groupId");
        assertThatThrownBy(() -> ChannelMessage.builder("x")
                        .mediaTypes(List.of("image/png"))
                        .build())
                .hasMessageContaining("media");
    }
}
