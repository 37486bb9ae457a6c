package io.camelopenclaw.component;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.error.PayloadTooLargeException;
import io.camelopenclaw.client.run.AgentRunFailedException;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What the agent producer sends: text bodies, attachments, and bodies beyond the gateway's limits. */
class OpenClawAgentInputTest extends OpenClawTestSupport {

    private static final String SESSION = "agent:main:input";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").to("openclaw:agent?sessionKey=" + SESSION);
            }
        };
    }

    private Exchange send(Object body, String mediaType, String fileName, String message) {
        return template.request("direct:ask", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(OpenClawConstants.MEDIA_TYPE, mediaType);
            e.getMessage().setHeader(OpenClawConstants.FILE_NAME, fileName);
            e.getMessage().setHeader(OpenClawConstants.MESSAGE, message);
        });
    }

    @Test
    void bytesWithAMediaTypeBecomeAnAttachment() {
        byte[] content = "meeting notes".getBytes(StandardCharsets.UTF_8);

        Exchange reply = send(content, "text/plain", "notes.txt", "summarize the notes");

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: summarize the notes");
        JsonNode params = lastParams("chat.send");
        assertThat(params.path("message").asText()).isEqualTo("summarize the notes");
        JsonNode attachment = params.path("attachments").get(0);
        assertThat(attachment.path("mimeType").asText()).isEqualTo("text/plain");
        assertThat(attachment.path("fileName").asText()).isEqualTo("notes.txt");
        assertThat(Base64.getDecoder().decode(attachment.path("content").asText()))
                .isEqualTo(content);
    }

    @Test
    void camelAttachmentsAreSentWithTheirNamesAndTypes() {
        byte[] csv = "a,b\n1,2".getBytes(StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Exchange reply = template.request("direct:ask", e -> {
            e.getMessage().setBody("what is in these files?");
            AttachmentMessage am = e.getMessage(AttachmentMessage.class);
            am.addAttachment("data.csv", new DataHandler(source("text/csv; charset=UTF-8", csv)));
            am.addAttachment("chart.png", new DataHandler(source("image/png", png)));
        });

        assertThat(reply.getException()).isNull();
        JsonNode params = lastParams("chat.send");
        assertThat(params.path("message").asText()).isEqualTo("what is in these files?");
        JsonNode attachments = params.path("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).path("fileName").asText()).isEqualTo("data.csv");
        assertThat(attachments.get(0).path("mimeType").asText()).isEqualTo("text/csv");
        assertThat(Base64.getDecoder().decode(attachments.get(0).path("content").asText()))
                .isEqualTo(csv);
        assertThat(attachments.get(1).path("fileName").asText()).isEqualTo("chart.png");
        assertThat(Base64.getDecoder().decode(attachments.get(1).path("content").asText()))
                .isEqualTo(png);
    }

    private static DataSource source(String type, byte[] content) {
        return new DataSource() {
            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(content);
            }

            @Override
            public OutputStream getOutputStream() {
                throw new UnsupportedOperationException();
            }

            @Override
            public String getContentType() {
                return type;
            }

            @Override
            public String getName() {
                return null;
            }
        };
    }

    @Test
    void aFileBodyIsAttachedUnderItsOwnName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pixel.png");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Files.write(file, png);

        Exchange reply = send(file.toFile(), "image/png", null, "what is this?");

        assertThat(reply.getException()).isNull();
        JsonNode attachment = lastParams("chat.send").path("attachments").get(0);
        assertThat(attachment.path("fileName").asText()).isEqualTo("pixel.png");
        assertThat(attachment.path("mimeType").asText()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(attachment.path("content").asText()))
                .isEqualTo(png);
    }

    @Test
    void aStreamIsAttachedUnderTheCamelFileName() {
        Exchange reply = template.request("direct:ask", e -> {
            e.getMessage().setBody(new ByteArrayInputStream(new byte[] {1, 2, 3}));
            e.getMessage().setHeader(OpenClawConstants.MEDIA_TYPE, "application/octet-stream");
            e.getMessage().setHeader(Exchange.FILE_NAME_ONLY, "data.bin");
        });

        assertThat(reply.getException()).isNull();
        JsonNode params = lastParams("chat.send");
        assertThat(params.path("message").asText()).isEmpty();
        assertThat(params.path("attachments").get(0).path("fileName").asText()).isEqualTo("data.bin");
    }

    @Test
    void bytesWithoutAMediaTypeAreTheMessageText() {
        Exchange reply = send("plain words".getBytes(StandardCharsets.UTF_8), null, null, null);

        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: plain words");
        assertThat(lastParams("chat.send").has("attachments")).isFalse();
    }

    @Test
    void anAttachmentOverTheGatewayLimitIsRefusedBeforeSending() {
        int before = requests("chat.send").size();

        Exchange reply = send(new byte[MAX_IMAGE + 1], "image/png", "big.png", "look");

        assertThat(reply.getException())
                .isInstanceOf(AgentRunFailedException.class)
                .hasMessageContaining("PAYLOAD_TOO_LARGE")
                .hasMessageContaining(String.valueOf(MAX_IMAGE))
                .hasRootCauseInstanceOf(PayloadTooLargeException.class);
        assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("error");
        assertThat(requests("chat.send")).hasSize(before);
    }

    @Test
    void aMessageOverTheGatewayFrameLimitIsRefusedBeforeSending() {
        int before = requests("chat.send").size();

        Exchange reply = send("x".repeat(MAX_PAYLOAD + 1), null, null, null);

        assertThat(reply.getException())
                .hasMessageContaining("PAYLOAD_TOO_LARGE")
                .hasMessageContaining(String.valueOf(MAX_PAYLOAD));
        assertThat(requests("chat.send")).hasSize(before);
    }
}
