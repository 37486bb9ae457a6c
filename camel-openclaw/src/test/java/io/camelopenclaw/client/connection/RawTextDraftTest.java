package io.camelopenclaw.client.connection;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.BinaryFrame;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.junit.jupiter.api.Test;

import static io.camelopenclaw.client.connection.RawFrameServer.concat;
import static io.camelopenclaw.client.connection.RawFrameServer.frame;
import static io.camelopenclaw.client.connection.RawFrameServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RawTextDraftTest {

    private static final int MAX_FRAME = 100_000;
    private static final String MEDIUM = "{\"text\":\"" + "é".repeat(150) + "\"}";
    private static final String LARGE = "{\"text\":\"" + "x".repeat(70_000) + "\"}";
    private static final byte[] STREAM =
            concat(text("{\"a\":1}"), frame(0x89, "ping".getBytes()), text(MEDIUM), text(LARGE), text("{}"));
    private static final List<String> EXPECTED =
            List.of("raw {\"a\":1}", "PING ping", "raw " + MEDIUM, "raw " + LARGE, "raw {}");

    @Test
    void framesSplitAtAnyPointArriveWholeAndIntact() throws Exception {
        for (int cut = 1; cut < STREAM.length; cut += cut < 600 ? 1 : 977) {
            assertThat(translate(new RawTextDraft(MAX_FRAME), STREAM, cut))
                    .as("cut at %d", cut)
                    .isEqualTo(EXPECTED);
        }
        assertThat(translate(new RawTextDraft(MAX_FRAME), STREAM, 3, 9, 200, 4_000, 16_384, 30_000))
                .isEqualTo(EXPECTED);
    }

    @Test
    void framesOfMegabytesAreCarriedAcrossReadsAndTheFramesAfterThemStillArrive() throws Exception {
        String big = "{\"text\":\"" + "z".repeat(1_500_000) + "\"}";
        byte[] stream = concat(text(big), text("{\"a\":1}"), text("{\"b\":2}"), text(big), text("{}"));
        int end = text(big).length;
        assertThat(translate(
                        new RawTextDraft(2_000_000),
                        stream,
                        16_384,
                        700_000,
                        end + 3,
                        end + 12,
                        end + 30,
                        2 * end,
                        2 * end + 13))
                .containsExactly("raw " + big, "raw {\"a\":1}", "raw {\"b\":2}", "raw " + big, "raw {}");
    }

    @Test
    void fragmentedMessagesAreKeptUntilComplete() throws Exception {
        byte[] stream = concat(
                frame(0x01, "{\"frag".getBytes()),
                frame(0x00, "mented\":".getBytes()),
                frame(0x80, "true}".getBytes()));
        assertThat(translate(new RawTextDraft(MAX_FRAME), stream, 5, 12))
                .containsExactly("TEXT {\"frag", "CONTINUOUS mented\":", "CONTINUOUS true}");
    }

    @Test
    void framesTheGatewayNeverSendsFailTheConnectionWithTheirCloseCode() {
        assertCloseCode(frame(0x82, new byte[] {1, 2}), CloseFrame.REFUSE);
        assertCloseCode(frame(0xC1, "{}".getBytes()), CloseFrame.PROTOCOL_ERROR);
        assertCloseCode(frame(0x83, new byte[0]), CloseFrame.PROTOCOL_ERROR);
        assertCloseCode(frame(0x89, new byte[126]), CloseFrame.PROTOCOL_ERROR);
        assertCloseCode(frame(0x09, new byte[1]), CloseFrame.PROTOCOL_ERROR);
        byte[] masked = text("{}");
        masked[1] |= (byte) 0x80;
        assertCloseCode(concat(masked, new byte[4]), CloseFrame.PROTOCOL_ERROR);
    }

    @Test
    void anOversizedFrameFailsOnItsHeaderBeforeItsPayloadIsBuffered() {
        byte[] header = Arrays.copyOf(frame(0x81, new byte[MAX_FRAME + 1]), 10);
        assertCloseCode(header, CloseFrame.TOOBIG);
    }

    @Test
    void goodFramesBeforeABrokenOneAreDeliveredThenTheConnectionCloses() throws Exception {
        Delivery delivery = overSocket(concat(text("{\"n\":1}"), text("{\"n\":2}"), frame(0x82, new byte[] {7})));
        assertThat(delivery.texts()).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(delivery.closes()).containsExactly(CloseFrame.REFUSE);
    }

    @Test
    void theEndOfAReadIsReportedAfterItsLastFrameSoItsFramesAreHandedOnTogether() throws Exception {
        Delivery delivery = overSocket(concat(text("{\"n\":1}"), text("{\"n\":2}"), frame(0x82, new byte[] {7})));
        assertThat(delivery.log()).containsExactly("text {\"n\":1}", "text {\"n\":2}", "read end", "close 1003");
    }

    @Test
    void aFrameOverTheSocketLimitClosesWith1009AfterTheFramesBeforeIt() throws Exception {
        Delivery delivery = overSocket(concat(text("{\"ok\":true}"), text("{\"big\":\"" + "y".repeat(2_000) + "\"}")));
        assertThat(delivery.texts()).containsExactly("{\"ok\":true}");
        assertThat(delivery.closes()).containsExactly(CloseFrame.TOOBIG);
    }

    @Test
    void theSocketSendsWithoutNagleDelay() {
        JavaWebSocket socket = socket(
                URI.create("ws://127.0.0.1:1"), recorder(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        assertThat(socket.isTcpNoDelay()).isTrue();
    }

    /** A socket with a frame limit of 1000 bytes. */
    private static JavaWebSocket socket(URI uri, SocketHandler handler) {
        return JavaWebSocket.create(uri, null, Map.of(), 1_000, 5_000, null, false, () -> true, handler);
    }

    /** What a {@link JavaWebSocket} (frame limit 1000 bytes) reported for a stream, until it closed. */
    private record Delivery(List<String> texts, List<Integer> closes, List<String> log) {}

    private static Delivery overSocket(byte[] stream) throws Exception {
        Delivery delivery =
                new Delivery(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        try (RawFrameServer server = new RawFrameServer()) {
            JavaWebSocket socket = socket(server.uri(), recorder(delivery.texts(), delivery.closes(), delivery.log()));
            socket.connect();
            server.accept();
            server.write(stream);
            await().atMost(5, TimeUnit.SECONDS).until(() -> !delivery.closes().isEmpty());
        }
        return delivery;
    }

    /**
     * Feeds the stream in pieces through one reused read buffer, as the socket reader does, and describes each
     * frame right after the call that returned it; the buffer is then overwritten before the next piece.
     */
    private static List<String> translate(RawTextDraft draft, byte[] stream, int... cuts) throws InvalidDataException {
        byte[] readBuffer = new byte[stream.length];
        List<String> frames = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? Math.min(cuts[i], stream.length) : stream.length;
            if (to <= from) {
                continue;
            }
            System.arraycopy(stream, from, readBuffer, 0, to - from);
            for (Framedata frame : draft.translateFrame(ByteBuffer.wrap(readBuffer, 0, to - from))) {
                frames.add(describe(frame));
            }
            Arrays.fill(readBuffer, (byte) 'X');
            from = to;
        }
        return frames;
    }

    private static String describe(Framedata frame) {
        ByteBuffer payload = frame.getPayloadData();
        String text = StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
        return (frame instanceof BinaryFrame ? "raw" : frame.getOpcode().name()) + " " + text;
    }

    private static void assertCloseCode(byte[] stream, int closeCode) {
        assertThatThrownBy(() -> new RawTextDraft(MAX_FRAME).translateFrame(ByteBuffer.wrap(stream)))
                .isInstanceOfSatisfying(
                        InvalidDataException.class,
                        e -> assertThat(e.getCloseCode()).as(e.getMessage()).isEqualTo(closeCode));
    }

    private static SocketHandler recorder(List<String> texts, List<Integer> closes, List<String> log) {
        return new SocketHandler() {
            @Override
            public void onOpen(GatewaySocket socket) {}

            @Override
            public void onText(GatewaySocket socket, ByteBuffer utf8) {
                String text = StandardCharsets.UTF_8.decode(utf8).toString();
                texts.add(text);
                log.add("text " + text);
            }

            @Override
            public void onReadEnd(GatewaySocket socket) {
                log.add("read end");
            }

            @Override
            public void onClose(GatewaySocket socket, int code, String reason, boolean remote) {
                closes.add(code);
                log.add("close " + code);
            }

            @Override
            public void onError(GatewaySocket socket, Exception error) {}
        };
    }
}
