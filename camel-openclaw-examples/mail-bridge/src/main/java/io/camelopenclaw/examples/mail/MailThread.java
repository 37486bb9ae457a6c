package io.camelopenclaw.examples.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thread an e-mail belongs to and the headers of a reply in it (RFC 5322, section 3.6.4): the thread's root is
 * the first id of {@code References}, else {@code In-Reply-To}, else the mail's own {@code Message-ID}; a reply is
 * {@code In-Reply-To} the mail and {@code References} the mail's references followed by its id.
 *
 * @param messageId  the mail's {@code Message-ID}
 * @param references the ids of the thread before the mail, oldest first
 */
record MailThread(String messageId, List<String> references) {

    private static final Pattern ID = Pattern.compile("<[^<>\\s]+>");

    /** The thread of a mail with these headers (any may be null but the id). */
    static MailThread of(String messageId, String inReplyTo, String references) {
        List<String> ids = ids(references);
        if (ids.isEmpty()) {
            ids = ids(inReplyTo);
        }
        return new MailThread(messageId.strip(), ids);
    }

    /**
     * A stand-in for a missing {@code Message-ID}, derived from the mail itself: the same mail read again gets the
     * same id, so a re-polled mail joins the run its first read started instead of failing on every poll.
     */
    static String syntheticId(String from, String date, String subject, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {from, date, subject, text}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "<" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "@missing-message-id.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The thread's first mail: what the session is named after. */
    String root() {
        return references.isEmpty() ? messageId : references.get(0);
    }

    /** The {@code References} of a reply to the mail. */
    String replyReferences() {
        List<String> all = new ArrayList<>(references);
        all.add(messageId);
        return String.join(" ", all);
    }

    /** The subject of a reply: {@code Re: } once. */
    static String replySubject(String subject) {
        String original = subject == null ? "" : subject.strip();
        return original.toLowerCase(Locale.ROOT).startsWith("re:") ? original : "Re: " + original;
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }
}
