package io.camelopenclaw.client.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to run: the message, the session, the method and the run's timeouts. Build with {@link #builder(String)}.
 * The idempotency key is the run id: pass the same key to retry a send and reattach to the same run instead of
 * starting a second one; leave it unset for a fresh random key.
 */
public final class AgentRunRequest {

    private final String message;
    private final String sessionKey;
    private final String idempotencyKey;
    private final RunMethod method;
    private final String agentId;
    private final String thinking;
    private final Boolean deliver;
    private final String extraSystemPrompt;
    private final boolean suppressCommandInterpretation;
    private final List<Attachment> attachments;
    private final Duration runTimeout;
    private final Duration idleTimeout;
    private final RunChunkListener chunkListener;

    private AgentRunRequest(Builder b) {
        this.message = Objects.requireNonNull(b.message, "message");
        this.sessionKey = b.sessionKey;
        this.idempotencyKey = b.idempotencyKey;
        this.method = b.method;
        this.agentId = b.agentId;
        this.thinking = b.thinking;
        this.deliver = b.deliver;
        this.extraSystemPrompt = b.extraSystemPrompt;
        this.suppressCommandInterpretation = b.suppressCommandInterpretation;
        this.attachments = List.copyOf(b.attachments);
        this.runTimeout = b.runTimeout;
        this.idleTimeout = b.idleTimeout;
        this.chunkListener = b.chunkListener;
        if (method == RunMethod.CHAT_SEND && (sessionKey == null || sessionKey.isBlank())) {
            throw new IllegalArgumentException("chat.send needs a session key");
        }
        if (method == RunMethod.AGENT && message.isEmpty()) {
            throw new IllegalArgumentException("the agent method needs a non-empty message");
        }
    }

    /** A builder for a run of the given message. */
    public static Builder builder(String message) {
        return new Builder(message);
    }

    public String message() {
        return message;
    }

    /** The session key as given (the gateway canonicalises it), or {@code null} for the agent's main session. */
    public String sessionKey() {
        return sessionKey;
    }

    /** The caller's idempotency key, or {@code null} to let the client generate one. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    public RunMethod method() {
        return method;
    }

    public String agentId() {
        return agentId;
    }

    public String thinking() {
        return thinking;
    }

    public Boolean deliver() {
        return deliver;
    }

    public String extraSystemPrompt() {
        return extraSystemPrompt;
    }

    public boolean suppressCommandInterpretation() {
        return suppressCommandInterpretation;
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    /** Overall run timeout, or {@code null} for none. */
    public Duration runTimeout() {
        return runTimeout;
    }

    /** Longest silence (no event for the run) before the run times out, or {@code null} for none. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Receives streamed chunks, or {@code null}. */
    public RunChunkListener chunkListener() {
        return chunkListener;
    }

    @Override
    public String toString() {
        return "AgentRunRequest[" + method.wireName() + ", session=" + sessionKey + ", key=" + idempotencyKey + ", "
                + message.length() + " chars, " + attachments.size() + " attachments]";
    }

    /** Builds an {@link AgentRunRequest}. */
    public static final class Builder {
        private final String message;
        private String sessionKey;
        private String idempotencyKey;
        private RunMethod method = RunMethod.CHAT_SEND;
        private String agentId;
        private String thinking;
        private Boolean deliver;
        private String extraSystemPrompt;
        private boolean suppressCommandInterpretation = true;
        private final List<Attachment> attachments = new ArrayList<>();
        private Duration runTimeout;
        private Duration idleTimeout;
        private RunChunkListener chunkListener;

        private Builder(String message) {
            this.message = message;
        }

        public Builder sessionKey(String sessionKey) {
            this.sessionKey = sessionKey;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public Builder method(RunMethod method) {
            this.method = Objects.requireNonNull(method);
            return this;
        }

        public Builder agentId(String agentId) {
            this.agentId = agentId;
            return this;
        }

        /** Thinking level: {@code off}, {@code minimal}, {@code low}, {@code medium}, {@code high}, ... */
        public Builder thinking(String thinking) {
            this.thinking = thinking;
            return this;
        }

        /** Also deliver the reply to the session's channel route. */
        public Builder deliver(Boolean deliver) {
            this.deliver = deliver;
            return this;
        }

        /** Extra system prompt ({@code agent} method only). */
        public Builder extraSystemPrompt(String extraSystemPrompt) {
            this.extraSystemPrompt = extraSystemPrompt;
            return this;
        }

        /**
         * Never run the message as a slash command ({@code /reset}, {@code /new}, ...); default {@code true}. The
         * gateway honours the flag on {@code chat.send} for connections holding {@code operator.admin}; without that
         * scope a message starting with {@code /} is refused with {@code COMMAND_NOT_SUPPRESSED} instead of run.
         */
        public Builder suppressCommandInterpretation(boolean suppress) {
            this.suppressCommandInterpretation = suppress;
            return this;
        }

        public Builder attachment(Attachment attachment) {
            this.attachments.add(Objects.requireNonNull(attachment));
            return this;
        }

        public Builder attachments(List<Attachment> attachments) {
            attachments.forEach(this::attachment);
            return this;
        }

        public Builder runTimeout(Duration runTimeout) {
            this.runTimeout = runTimeout;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder chunkListener(RunChunkListener chunkListener) {
            this.chunkListener = chunkListener;
            return this;
        }

        public AgentRunRequest build() {
            return new AgentRunRequest(this);
        }
    }
}
