package io.camelopenclaw.client.connection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.BinaryFrame;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.FramedataImpl1;

/**
 * RFC 6455 framing for the client side of the gateway socket that hands every complete (unfragmented) text frame to
 * the listener as its raw UTF-8 bytes, through {@code onMessage(ByteBuffer)}, instead of validating and decoding it
 * into a {@code String} first. Gateway frames are JSON, and the JSON parser reads UTF-8 bytes directly and rejects
 * invalid ones, so the transport's own byte-by-byte UTF-8 check and copy (the largest per-frame cost of
 * {@link Draft_6455}) are skipped.
 * <p>
 * The payload handed over is a view of the bytes just read and is valid only until the listener returns. Fragmented
 * text messages, which the gateway does not send, take {@link Draft_6455}'s own path (copied, validated and
 * delivered as a {@code String}). Binary frames are refused (close 1003): the gateway protocol has none. Masked
 * frames, reserved bits and malformed control frames fail the connection (close 1002), and a frame longer than
 * {@code maxFrameSize} closes it with 1009 before its payload is buffered.
 */
final class RawTextDraft extends Draft_6455 {

    private static final int OP_CONTINUATION = 0x0;
    private static final int OP_TEXT = 0x1;
    private static final int OP_BINARY = 0x2;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int OP_PONG = 0xA;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private static final int INITIAL_CARRY = 16 * 1024;
    /** A carried buffer grown beyond this for one large frame is let go once that frame is read. */
    private static final int MAX_KEPT_CARRY = 1024 * 1024;

    /**
     * The start of a frame that has not arrived completely, in a buffer of this draft's own (between position and
     * limit). It is kept because the caller reuses its read buffer for the next read.
     */
    private ByteBuffer carry;

    private boolean carrying;
    /** A frame that broke the protocol after good ones in the same read: it fails once those were processed. */
    private InvalidDataException failure;

    private Framedata failAfter;
    /** The last frame of the current read: once it is processed, the socket's handler hears of the read's end. */
    private Framedata lastOfRead;

    RawTextDraft(int maxFrameSize) {
        super(List.of(), maxFrameSize);
    }

    @Override
    public Draft copyInstance() {
        return new RawTextDraft(getMaxFrameSize());
    }

    @Override
    public void reset() {
        super.reset();
        carry = null;
        carrying = false;
        failure = null;
        failAfter = null;
        lastOfRead = null;
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        ByteBuffer input = carrying ? append(buffer) : buffer;
        List<Framedata> frames = new ArrayList<>(4);
        try {
            while (input.hasRemaining()) {
                Framedata frame = next(input);
                if (frame == null) {
                    break;
                }
                frames.add(frame);
            }
        } catch (InvalidDataException e) {
            if (frames.isEmpty()) {
                throw e;
            }
            failure = e;
            failAfter = frames.get(frames.size() - 1);
            lastOfRead = failAfter;
            return frames;
        }
        lastOfRead = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        carrying = input.hasRemaining();
        if (carrying && input == buffer) {
            carryOver(buffer);
        } else if (!carrying && carry != null && carry.capacity() > MAX_KEPT_CARRY) {
            carry = null; // the frames returned now keep their own reference to it
        }
        return frames;
    }

    /**
     * Processes a frame; after the last frame of a read, tells the socket so (its handler hands the read's frames on
     * together); after the last good frame before a broken one, the connection fails with its error.
     */
    @Override
    public void processFrame(WebSocketImpl webSocket, Framedata frame) throws InvalidDataException {
        super.processFrame(webSocket, frame);
        if (frame == lastOfRead) {
            lastOfRead = null;
            if (webSocket.getWebSocketListener() instanceof JavaWebSocket socket) {
                socket.readEnded();
            }
        }
        if (frame == failAfter) {
            InvalidDataException e = failure;
            failure = null;
            failAfter = null;
            throw e;
        }
    }

    /**
     * Appends a new read to the carried bytes. The carried buffer is compacted only now: until this call, the frames
     * returned last time may still have been views into it.
     */
    private ByteBuffer append(ByteBuffer fresh) {
        int needed = carry.remaining() + fresh.remaining();
        if (carry.capacity() < needed) {
            ByteBuffer grown = ByteBuffer.allocate(Math.max(needed, carry.capacity() * 2));
            grown.put(carry);
            carry = grown;
        } else if (carry.position() > 0) {
            carry.compact();
        } else {
            carry.position(carry.limit()).limit(carry.capacity());
        }
        carry.put(fresh).flip();
        return carry;
    }

    /** Keeps the unread rest of the caller's buffer; no view into the carried buffer is alive at this point. */
    private void carryOver(ByteBuffer rest) {
        if (carry == null || carry.capacity() < rest.remaining()) {
            carry = ByteBuffer.allocate(Math.max(rest.remaining(), INITIAL_CARRY));
        } else {
            carry.clear();
        }
        carry.put(rest).flip();
    }

    /** The next complete frame at the buffer's position, or null (position unchanged) when it is not all there. */
    private Framedata next(ByteBuffer in) throws InvalidDataException {
        int start = in.position();
        if (in.remaining() < 2) {
            return null;
        }
        int b1 = in.get() & 0xFF;
        int b2 = in.get() & 0xFF;
        boolean fin = (b1 & 0x80) != 0;
        int opcode = b1 & 0x0F;
        if ((b1 & 0x70) != 0) {
            throw new InvalidFrameException("reserved bits set without a negotiated extension");
        }
        if ((b2 & 0x80) != 0) {
            throw new InvalidFrameException("masked frame from the server");
        }
        long length = b2 & 0x7F;
        if (length == 126) {
            if (in.remaining() < 2) {
                in.position(start);
                return null;
            }
            length = in.getShort() & 0xFFFF;
        } else if (length == 127) {
            if (in.remaining() < 8) {
                in.position(start);
                return null;
            }
            length = in.getLong();
        }
        checkLength(opcode, fin, length);
        if (in.remaining() < length) {
            in.position(start);
            return null;
        }
        ByteBuffer payload = in.slice();
        payload.limit((int) length);
        in.position(in.position() + (int) length);
        return frame(opcode, fin, payload);
    }

    private void checkLength(int opcode, boolean fin, long length) throws InvalidDataException {
        boolean control = opcode >= OP_CLOSE;
        if (control && (!fin || length > MAX_CONTROL_PAYLOAD)) {
            throw new InvalidFrameException("control frame fragmented or longer than 125 bytes");
        }
        if (length < 0 || length > getMaxFrameSize()) {
            throw new LimitExceededException("frame of " + length + " bytes", getMaxFrameSize());
        }
    }

    private static Framedata frame(int opcode, boolean fin, ByteBuffer payload) throws InvalidDataException {
        switch (opcode) {
            case OP_TEXT:
                if (fin) {
                    return rawText(payload);
                }
                return fragment(Opcode.TEXT, false, payload);
            case OP_CONTINUATION:
                return fragment(Opcode.CONTINUOUS, fin, payload);
            case OP_CLOSE:
                return control(Opcode.CLOSING, payload);
            case OP_PING:
                return control(Opcode.PING, payload);
            case OP_PONG:
                return control(Opcode.PONG, payload);
            case OP_BINARY:
                throw new InvalidDataException(CloseFrame.REFUSE, "binary frames are not part of the gateway protocol");
            default:
                throw new InvalidFrameException("unknown opcode " + opcode);
        }
    }

    /** A complete text frame carried to {@code onMessage(ByteBuffer)} unvalidated: the JSON parser checks it. */
    private static Framedata rawText(ByteBuffer payload) {
        BinaryFrame frame = new BinaryFrame();
        frame.setFin(true);
        frame.setPayload(payload);
        return frame;
    }

    /** Close, ping and pong frames; a close frame reads its code and reason here, while the view is valid. */
    private static Framedata control(Opcode opcode, ByteBuffer payload) throws InvalidDataException {
        FramedataImpl1 frame = FramedataImpl1.get(opcode);
        frame.setPayload(payload);
        frame.isValid();
        return frame;
    }

    /**
     * A piece of a fragmented message: {@link Draft_6455} keeps it until the message is complete (then validates
     * and decodes it), so it gets bytes of its own.
     */
    private static Framedata fragment(Opcode opcode, boolean fin, ByteBuffer view) {
        ByteBuffer own = ByteBuffer.allocate(view.remaining());
        own.put(view).flip();
        FramedataImpl1 frame = FramedataImpl1.get(opcode);
        frame.setFin(fin);
        frame.setPayload(own);
        return frame;
    }
}
