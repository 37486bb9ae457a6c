package io.camelopenclaw.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.error.ChannelAuthException;
import io.camelopenclaw.client.error.ChannelErrorException;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayProtocolException;
import io.camelopenclaw.client.error.GatewayTimeoutException;
import io.camelopenclaw.testgateway.channel.ChannelAction;
import io.camelopenclaw.testgateway.channel.ChannelScript;
import io.camelopenclaw.testgateway.channel.ReceivedChannelMessage;
import io.camelopenclaw.testgateway.channel.TestChannelPlugin;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** openclaw:channel producer and consumer against the fake openclaw-websocket plugin. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenClawChannelTest extends CamelTestSupport {

    static final String TOKEN = "channel-s3cret";
    static TestChannelPlugin plugin;

    @BeforeAll
    static void startPlugin() {
        plugin = TestChannelPlugin.builder().token(TOKEN, "user-7").build().start();
    }

    @AfterAll
    static void stopPlugin() {
        plugin.close();
    }

    /** The consumer route's connection is up: its greeting arrived. */
    @BeforeEach
    void awaitGreeting() {
        await().until(() -> getMockEndpoint("mock:unprompted").getReceivedCounter() >= 1);
    }

    @AfterEach
    void resetScript() {
        plugin.script(ChannelScript.ECHO);
    }

    /** The channel endpoint of these tests, with the given extra options. */
    static String channel(String options) {
        return "openclaw:channel?channelUrl=" + plugin.url() + "&senderId=camel&senderName=Camel&channelToken="
                + TOKEN + "&replyQuietPeriod=100&reconnectInitialDelay=50&reconnectMaxDelay=200"
                + (options.isEmpty() ? "" : "&" + options);
    }

    /** The endpoint of the consumer route, also used by producers (one connection for both). */
    static String shared() {
        return channel("deliverGreeting=true&bridgeErrorHandler=true");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class).setEnvironment(name -> null);
        return context;
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        configuration.withShutdownTimeout(5);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(GatewayProtocolException.class).handled(true).to("mock:errors");
                from(shared())
                        .process(e -> e.getMessage()
                                .setHeader("thread", Thread.currentThread().getName()))
                        .to("mock:unprompted");
            }
        };
    }

    Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(headers);
        });
    }

    @Test
    void producerSendsTheBodyWithTheHeadersAndReturnsTheReply() {
        Exchange out = send(
                shared(),
                "hello agent",
                Map.of(
                        OpenClawConstants.CHANNEL_MESSAGE_ID, "order-42",
                        OpenClawConstants.CHANNEL_CHAT_TYPE, "group",
                        OpenClawConstants.CHANNEL_GROUP_ID, "ops",
                        OpenClawConstants.CHANNEL_GROUP_SUBJECT, "Operations",
                        OpenClawConstants.CHANNEL_REPLY_TO_BODY, "the earlier message",
                        OpenClawConstants.CHANNEL_SENDER_NAME, "Alice",
                        OpenClawConstants.CHANNEL_MEDIA_PATHS, List.of("/data/a.png", "/data/b.png"),
                        OpenClawConstants.CHANNEL_MEDIA_TYPES, new String[] {"image/png", "image/png"},
                        OpenClawConstants.CHANNEL_CUSTOM_DATA, "{\"priority\":\"high\"}"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("Echo: hello agent");
        assertThat(out.getMessage().getHeader(OpenClawConstants.CHANNEL_MESSAGE_ID))
                .isEqualTo("order-42");
        assertThat(out.getMessage().getHeader(OpenClawConstants.CHANNEL_CHUNK_COUNT))
                .isEqualTo(1);
        assertThat(out.getMessage().getHeader(OpenClawConstants.CHANNEL_STREAM_COUNT))
                .isEqualTo(1);
        ReceivedChannelMessage received = last();
        assertThat(received.messageId()).isEqualTo("order-42");
        assertThat(received.senderId()).isEqualTo("user-7"); // the auth service's user for the connection
        assertThat(received.field("senderName")).isEqualTo("Alice");
        assertThat(received.field("chatType")).isEqualTo("group");
        assertThat(received.field("groupId")).isEqualTo("ops");
        assertThat(received.field("groupSubject")).isEqualTo("Operations");
        assertThat(received.field("replyToBody")).isEqualTo("the earlier message");
        assertThat(received.field("mediaPaths")).isEqualTo("[\"/data/a.png\",\"/data/b.png\"]");
        assertThat(received.field("mediaTypes")).isEqualTo("[\"image/png\",\"image/png\"]");
        assertThat(received.field("customData")).isEqualTo("{\"priority\":\"high\"}");
    }

    @Test
    void aReplySplitIntoChunksBecomesOneBody() {
        plugin.script(m -> List.of(new ChannelAction.Final("Part one.\n\nPart two.\n\n\nPart three.")));

        Exchange out = send(shared(), "long please", Map.of(OpenClawConstants.CHANNEL_SENDER_ID, "bob"));

        assertThat(out.getMessage().getBody(String.class)).isEqualTo("Part one.\n\nPart two.\n\nPart three.");
        assertThat(out.getMessage().getHeader(OpenClawConstants.CHANNEL_CHUNK_COUNT))
                .isEqualTo(3);
        assertThat(out.getMessage().getHeader(OpenClawConstants.CHANNEL_CHUNKS, List.class))
                .containsExactly("Part one.", "Part two.", "Part three.");
        assertThat(last().senderId()).isEqualTo("bob"); // the message's senderId wins over the connection's
    }

    @Test
    void chatErrorFailsTheExchangeTyped() {
        plugin.script(m -> List.of(ChannelAction.failure("tool crashed")));

        Exchange out = send(shared(), "hi", Map.of());

        assertThat(out.getException())
                .isInstanceOf(ChannelErrorException.class)
                .hasMessageContaining("Failed to process message: Error: tool crashed");
    }

    @Test
    void aMissingBodyOrABadHeaderFailsBeforeSending() {
        int before = plugin.messages().size();

        assertThat(send(shared(), null, Map.of()).getException()).isInstanceOf(InvalidPayloadException.class);
        assertThat(send(shared(), "x", Map.of(OpenClawConstants.CHANNEL_CHAT_TYPE, "broadcast"))
                        .getException())
                .hasMessageContaining("direct or group");
        assertThat(send(shared(), "x", Map.of(OpenClawConstants.CHANNEL_CHAT_TYPE, "group"))
                        .getException())
                .hasMessageContaining("groupId");
        assertThat(plugin.messages()).hasSize(before);
    }

    @Test
    void aWrongTokenFailsTypedWithoutRetrying() {
        int attempts = plugin.connectAttempts();
        String uri = channel("channelToken=wrong-one").replace("channelToken=" + TOKEN + "&", "");

        Exchange out = send(uri, "hi", Map.of());

        assertThat(out.getException())
                .isInstanceOf(ChannelAuthException.class)
                .hasMessageContaining("Authentication failed")
                .hasMessageNotContaining("wrong-one");
        assertThat(send(uri, "again", Map.of()).getException()).isInstanceOf(ChannelAuthException.class);
        assertThat(plugin.connectAttempts() - attempts).isEqualTo(1);
        assertThat(context.getEndpoint(uri).toString()).doesNotContain("wrong-one");
    }

    @Test
    void noReplyInTimeFailsTheExchangeTyped() {
        plugin.script(m -> List.of());

        Exchange out = send(channel("replyTimeout=300"), "anyone?", Map.of());

        assertThat(out.getException()).isInstanceOf(GatewayTimeoutException.class);
    }

    @Test
    void thePluginGoingAwayMidReplyFailsTheExchangeTyped() {
        plugin.script(m -> m.content().equals("crash")
                ? List.of(new ChannelAction.Stream("Working"), new ChannelAction.Close(1000, "Server shutting down"))
                : ChannelScript.ECHO.reply(m));
        String uri = channel("replyTimeout=5000");

        assertThat(send(uri, "crash", Map.of()).getException()).isInstanceOf(GatewayConnectionLostException.class);
        assertThat(send(uri, "still there?", Map.of()).getMessage().getBody(String.class))
                .isEqualTo("Echo: still there?");
    }

    @Test
    void consumerReceivesTheGreetingAndUnpromptedMessagesOffTheSocketThreads() throws Exception {
        MockEndpoint unprompted = getMockEndpoint("mock:unprompted");
        unprompted.expectedMinimumMessageCount(2);

        plugin.broadcast("Server maintenance at 22:00");

        unprompted.assertIsSatisfied();
        Exchange greeting = unprompted.getExchanges().get(0);
        assertThat(greeting.getMessage().getBody()).isEqualTo("Connected to WebSocket chat server");
        assertThat(greeting.getMessage().getHeader(OpenClawConstants.CHANNEL_GREETING))
                .isEqualTo(true);
        Exchange broadcast = unprompted.getExchanges().stream()
                .filter(e -> "Server maintenance at 22:00".equals(e.getMessage().getBody()))
                .findFirst()
                .orElseThrow();
        assertThat(broadcast.getMessage().getHeader(OpenClawConstants.CHANNEL_GREETING))
                .isEqualTo(false);
        assertThat(broadcast.getMessage().getHeader(OpenClawConstants.CHANNEL_LATE))
                .isEqualTo(false);
        assertThat(broadcast.getMessage().getHeader("thread", String.class))
                .doesNotStartWith("openclaw-channel")
                .doesNotContain("WebSocket");
    }

    @Test
    void producerAndConsumerOfOneEndpointShareTheConnection() {
        int before = plugin.connectAttempts();
        send(shared(), "one", Map.of());
        send(shared(), "two", Map.of());
        assertThat(plugin.connectAttempts()).isEqualTo(before);
    }

    @Test
    void malformedFramesReachTheErrorHandler() throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMessageCount(1);

        plugin.broadcastRaw("{\"type\":\"chat.unknown\"}");

        errors.assertIsSatisfied();
        assertThat(errors.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(GatewayProtocolException.class)
                .hasMessageContaining("unknown type");
    }

    @Test
    void lateChunksOfFirstResponseRepliesReachTheConsumerMarkedLate() throws Exception {
        plugin.script(m -> List.of(new ChannelAction.Final("Head.\n\nTail.")));
        MockEndpoint unprompted = getMockEndpoint("mock:unprompted");
        String uri = shared().replace("replyQuietPeriod=100", "replyCompletion=firstResponse");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:unprompted");
            }
        });

        Exchange out = send(uri, "hi", Map.of(OpenClawConstants.CHANNEL_MESSAGE_ID, "m-late"));

        assertThat(out.getMessage().getBody(String.class)).isEqualTo("Head.");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> unprompted.getExchanges().stream()
                        .anyMatch(e -> "Tail.".equals(e.getMessage().getBody())));
        Exchange tail = unprompted.getExchanges().stream()
                .filter(e -> "Tail.".equals(e.getMessage().getBody()))
                .findFirst()
                .orElseThrow();
        assertThat(tail.getMessage().getHeader(OpenClawConstants.CHANNEL_LATE)).isEqualTo(true);
        assertThat(tail.getMessage().getHeader(OpenClawConstants.CHANNEL_MESSAGE_ID))
                .isEqualTo("m-late");
    }

    static ReceivedChannelMessage last() {
        List<ReceivedChannelMessage> messages = plugin.messages();
        return messages.get(messages.size() - 1);
    }
}
