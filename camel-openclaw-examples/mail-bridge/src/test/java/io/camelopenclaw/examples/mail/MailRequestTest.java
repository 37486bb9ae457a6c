package io.camelopenclaw.examples.mail;

import io.camelopenclaw.component.OpenClawConstants;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a mail becomes a run request, including a mail that has no {@code Message-ID}. */
class MailRequestTest {

    private static Exchange mail(String messageId, String subject, String text) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("From", "alice@example.com");
        exchange.getMessage().setHeader("Date", "Sat, 21 Nov 2026 07:00:00 +0000");
        exchange.getMessage().setHeader("Subject", subject);
        if (messageId != null) {
            exchange.getMessage().setHeader("Message-ID", messageId);
        }
        exchange.getMessage().setBody(text);
        MailBridge.request(exchange);
        return exchange;
    }

    private static String key(Exchange exchange) {
        return exchange.getMessage().getHeader(OpenClawConstants.IDEMPOTENCY_KEY, String.class);
    }

    @Test
    void theMessageIdIsTheIdempotencyKeyAndTheThreadTheSession() {
        Exchange e = mail("<m1@example.com>", "Hi", " hello \n");
        assertThat(key(e)).isEqualTo(key(mail("<m1@example.com>", "other", "other")));
        assertThat(e.getMessage().getHeader(OpenClawConstants.SESSION_KEY, String.class))
                .startsWith("agent:main:mail:");
        assertThat(e.getMessage().getBody(String.class)).isEqualTo("hello");
    }

    @Test
    void aMailWithoutMessageIdGetsTheSameKeyOnEveryRead() {
        String first = key(mail(null, "Question", "What is Camel?"));
        String again = key(mail(null, "Question", "What is Camel?"));
        String other = key(mail(null, "Question", "What is Kafka?"));
        assertThat(first).isNotBlank().isEqualTo(again).isNotEqualTo(other);
        assertThat(key(mail(" ", "Question", "What is Camel?"))).isEqualTo(first);
    }
}
