package io.camelopenclaw.examples.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Session and idempotency keys derived from what a transport already knows about a message, so that a conversation
 * stays in one gateway session and a redelivered message joins the run it already started instead of paying for a
 * second one.
 * <p>
 * Session keys are {@code agent:main:<channel>:<conversation>}: lowercase (as the gateway canonicalises them), with
 * every character outside {@code [a-z0-9._-]} folded to {@code -} so that transport ids never add {@code :} segments.
 * Idempotency keys are {@code <channel>:<message id>}, kept verbatim up to a length bound.
 */
public final class ConversationKeys {

    /** Parts longer than this (or with nothing left once folded) become their SHA-256, inside the gateway's bounds. */
    static final int MAX_PART_LENGTH = 128;

    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9._-]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    private ConversationKeys() {}

    /** The session of a conversation, e.g. {@code sessionKey("jms", "Order-42")} is {@code agent:main:jms:order-42}. */
    public static String sessionKey(String channel, String conversationId) {
        String id = required(conversationId, "conversation id");
        String folded = EDGE_DASHES
                .matcher(UNSAFE.matcher(id.toLowerCase(Locale.ROOT)).replaceAll("-"))
                .replaceAll("");
        return "agent:main:" + channel + ":" + (folded.isEmpty() ? sha256(id) : bounded(folded));
    }

    /** The idempotency key (= run id) of a message, e.g. {@code idempotencyKey("kafka", "requests-0-17")}. */
    public static String idempotencyKey(String channel, String messageId) {
        return channel + ":" + bounded(required(messageId, "message id").strip());
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a " + what + " is required");
        }
        return value;
    }

    private static String bounded(String part) {
        return part.length() <= MAX_PART_LENGTH ? part : sha256(part);
    }

    private static String sha256(String part) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(part.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
