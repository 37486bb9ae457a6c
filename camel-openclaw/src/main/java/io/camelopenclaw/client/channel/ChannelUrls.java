package io.camelopenclaw.client.channel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The channel's connect address ({@code ?senderId=&senderName=&token=} appended to the configured URL) and its
 * redacted form for logs and exceptions, in which every {@code token} parameter reads {@code ***}.
 */
public final class ChannelUrls {

    private static final Pattern TOKEN_PARAM = Pattern.compile("([?&]token=)[^&#]*", Pattern.CASE_INSENSITIVE);

    private ChannelUrls() {}

    /** The address to open: the configured URL plus the connection's sender and token parameters. */
    static URI connectUri(ChannelClientOptions options) {
        StringBuilder query = new StringBuilder();
        append(query, "senderId", options.senderId());
        append(query, "senderName", options.senderName());
        append(query, "token", options.token());
        String base = options.url().toString();
        if (query.length() == 0) {
            return options.url();
        }
        char joiner = options.url().getRawQuery() == null ? '?' : '&';
        return URI.create(base + joiner + query);
    }

    /** The address with the value of every {@code token} parameter replaced by {@code ***}. */
    public static String redact(URI uri) {
        return uri == null ? null : redact(uri.toString());
    }

    /** A text (an address, a message quoting one) with the value of every {@code token} parameter masked. */
    public static String redact(String text) {
        return text == null ? null : TOKEN_PARAM.matcher(text).replaceAll("$1***");
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
