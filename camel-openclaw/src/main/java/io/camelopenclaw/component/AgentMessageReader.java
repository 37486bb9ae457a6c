package io.camelopenclaw.component;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;

import io.camelopenclaw.client.run.Attachment;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/**
 * Reads the message text and attachment of an agent run from an exchange. A {@code File}, {@code Path},
 * {@code WrappedFile}, {@code byte[]}, {@code InputStream} or stream-cached body with a {@code CamelOpenClawMediaType}
 * header is sent as an attachment (its text from {@code CamelOpenClawMessage}); any other body is converted to the
 * message text.
 */
final class AgentMessageReader {

    /** What to send: the text and at most one attachment. */
    record AgentMessage(String text, Attachment attachment) {
    }

    private AgentMessageReader() {
    }

    static AgentMessage read(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        String mediaType = message.getHeader(OpenClawConstants.MEDIA_TYPE, String.class);
        if (mediaType == null || !isBinary(body)) {
            return new AgentMessage(message.getMandatoryBody(String.class), null);
        }
        byte[] content = message.getMandatoryBody(byte[].class);
        String text = message.getHeader(OpenClawConstants.MESSAGE, "", String.class);
        return new AgentMessage(text, new Attachment(fileName(message, body), mediaType, content));
    }

    private static boolean isBinary(Object body) {
        return body instanceof File || body instanceof Path || body instanceof WrappedFile || body instanceof byte[]
               || body instanceof InputStream || body instanceof StreamCache;
    }

    private static String fileName(Message message, Object body) {
        String name = message.getHeader(OpenClawConstants.FILE_NAME, String.class);
        if (name == null) {
            name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        if (name == null && body instanceof File file) {
            name = file.getName();
        } else if (name == null && body instanceof Path path && path.getFileName() != null) {
            name = path.getFileName().toString();
        }
        return name;
    }
}
