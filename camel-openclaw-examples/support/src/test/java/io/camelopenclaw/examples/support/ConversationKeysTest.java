package io.camelopenclaw.examples.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationKeysTest {

    @Test
    void sessionKeysAreLowercaseWithTransportIdsFoldedIntoOneSegment() {
        assertThat(ConversationKeys.sessionKey("jms", "Order-42")).isEqualTo("agent:main:jms:order-42");
        assertThat(ConversationKeys.sessionKey("mail", "<CAF1.x+y@Mail.Example.COM>"))
                .isEqualTo("agent:main:mail:caf1.x-y-mail.example.com");
        assertThat(ConversationKeys.sessionKey("jms", "ID:5c1e:0a")).isEqualTo("agent:main:jms:id-5c1e-0a");
    }

    @Test
    void longOrUnprintableConversationIdsBecomeTheirHash() {
        String hashed = ConversationKeys.sessionKey("kafka", "x".repeat(ConversationKeys.MAX_PART_LENGTH + 1));
        assertThat(hashed).matches("agent:main:kafka:sha256-[0-9a-f]{64}");
        assertThat(ConversationKeys.sessionKey("kafka", "<>"))
                .matches("agent:main:kafka:sha256-[0-9a-f]{64}")
                .isNotEqualTo(ConversationKeys.sessionKey("kafka", "<<>>"));
    }

    @Test
    void idempotencyKeysKeepTheMessageId() {
        assertThat(ConversationKeys.idempotencyKey("jms", "ID:5c1e-0a")).isEqualTo("jms:ID:5c1e-0a");
        assertThat(ConversationKeys.idempotencyKey("mail", " <a@b> ")).isEqualTo("mail:<a@b>");
    }

    @Test
    void missingIdsAreRefused() {
        assertThatThrownBy(() -> ConversationKeys.sessionKey("jms", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a conversation id is required");
        assertThatThrownBy(() -> ConversationKeys.idempotencyKey("jms", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a message id is required");
    }
}
