package io.camelopenclaw.component;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelopenclaw.client.run.Attachment;
import jakarta.activation.DataHandler;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.trait.message.MessageTrait;

/**
 * Reads the message text and attachments of an agent run from an exchange. A {@code File}, {@code Path},
 * {@code WrappedFile}, {@code byte[]}, {@code InputStream} or stream-cached body with a {@code CamelOpenClawMediaType}
 * header is sent as an attachment (its text from {@code CamelOpenClawMessage}); any other body is converted to the
 * message text. Camel attachments ({@link AttachmentMessage}, e.g. from mail) are sent as attachments too, each with
 * its name and content type.
 */
final class AgentMessageReader {

    /** What to send: the text and its attachments. */
    record AgentMessage(String text, List<Attachment> attachments) {}

    private AgentMessageReader() {}

    static AgentMessage read(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        String mediaType = message.getHeader(OpenClawConstants.MEDIA_TYPE, String.class);
        List<Attachment> attachments = camelAttachments(exchange);
        if (mediaType == null || !isBinary(body)) {
            return new AgentMessage(message.getMandatoryBody(String.class), attachments);
        }
        byte[] content = message.getMandatoryBody(byte[].class);
        String text = message.getHeader(OpenClawConstants.MESSAGE, "", String.class);
        attachments.add(0, new Attachment(fileName(message, body), mediaType, content));
        return new AgentMessage(text, attachments);
    }

    /** Camel keeps attachments as a trait of the message; {@link AttachmentMessage} is the view that reads them. */
    private static List<Attachment> camelAttachments(Exchange exchange) {
        List<Attachment> attachments = new ArrayList<>();
        if (exchange.getMessage().hasTrait(MessageTrait.ATTACHMENTS)) {
            AttachmentMessage am = exchange.getMessage(AttachmentMessage.class);
            for (Map.Entry<String, DataHandler> e : am.getAttachments().entrySet()) {
                attachments.add(new Attachment(e.getKey(), mediaType(e.getValue()), read(e.getValue(), e.getKey())));
            }
        }
        return attachments;
    }

    /** The content type without parameters ({@code text/plain; charset=UTF-8} is {@code text/plain}). */
    private static String mediaType(DataHandler handler) {
        String type = handler.getContentType();
        return type == null ? null : type.split(";", 2)[0].trim();
    }

    private static byte[] read(DataHandler handler, String name) {
        try (InputStream in = handler.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attachment " + name, e);
        }
    }

    private static boolean isBinary(Object body) {
        return body instanceof File
                || body instanceof Path
                || body instanceof WrappedFile
                || body instanceof byte[]
                || body instanceof InputStream
                || body instanceof StreamCache;
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
