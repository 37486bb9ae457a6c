package io.camelopenclaw.component;

import org.apache.camel.spi.Metadata;

/** Header and exchange property names of the {@code openclaw:} component. */
public final class OpenClawConstants {

    public static final String SCHEME = "openclaw";

    // ------------------------------------------------------------------ headers read and written by the producers

    @Metadata(
            label = "producer",
            description = "In: the session key to use instead of the `sessionKey` option (agent producer). Out: the"
                    + " canonical session key reported by the gateway (agent producer and consumer, events"
                    + " consumer).",
            javaType = "String")
    public static final String SESSION_KEY = "CamelOpenClawSessionKey";

    @Metadata(
            label = "producer",
            description = "In: the idempotency key (= run id) of the run to start; a retry with the same key joins"
                    + " the same run. When absent, a key is derived from the exchange so that redeliveries of"
                    + " the same exchange reuse it. Out: the key used.",
            javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelOpenClawIdempotencyKey";

    @Metadata(
            label = "producer",
            description = "Out: the run id. In (abort operation): the run to abort.",
            javaType = "String")
    public static final String RUN_ID = "CamelOpenClawRunId";

    @Metadata(
            label = "producer",
            description = "Out: how the run ended: `ok`, `silent`, `aborted`, `error` or `timeout`.",
            javaType = "String",
            enums = "ok,silent,aborted,error,timeout")
    public static final String STATUS = "CamelOpenClawStatus";

    @Metadata(
            label = "producer",
            description = "The gateway method to call, instead of the `method` option (rpc).",
            javaType = "String")
    public static final String METHOD = "CamelOpenClawMethod";

    @Metadata(
            label = "producer",
            description = "The agent producer's operation: `run` (default) starts a run; `abort` aborts the current"
                    + " run of the session (or the run named by `CamelOpenClawRunId`) and returns the"
                    + " gateway's answer as the body.",
            javaType = "String",
            enums = "run,abort",
            defaultValue = "run")
    public static final String OPERATION = "CamelOpenClawOperation";

    @Metadata(
            label = "producer",
            description = "The media type of a `File`, `Path`, byte array or `InputStream` body; when set, the body"
                    + " is sent as an attachment (with `CamelOpenClawMessage` as the text) instead of as the"
                    + " message text.",
            javaType = "String")
    public static final String MEDIA_TYPE = "CamelOpenClawMediaType";

    @Metadata(
            label = "producer",
            description = "The attachment's file name (default: the `CamelFileName` header or the file's name).",
            javaType = "String")
    public static final String FILE_NAME = "CamelOpenClawFileName";

    @Metadata(
            label = "producer",
            description = "The message text sent with an attachment body (default empty).",
            javaType = "String")
    public static final String MESSAGE = "CamelOpenClawMessage";

    // ------------------------------------------------------------------ run result headers (agent producer and
    // consumer)
    // Each openclaw:agent call removes them first, so none of an earlier call passes for its own.

    @Metadata(
            label = "producer",
            description = "Out: the finish reason as the gateway reports it (the provider's, passed on), e.g. `stop`,"
                    + " `length`, `toolUse`; `rpc` for an abort.",
            javaType = "String")
    public static final String STOP_REASON = "CamelOpenClawStopReason";

    @Metadata(
            label = "producer",
            description = "Out: the finish reason normalized as Camel's AI components report it: `COMPLETED`"
                    + " (including a silent reply), `TRUNCATED` (token limit), `TOOL_CALL`, `FILTERED` (content"
                    + " filter or refusal) or `OTHER` (aborts, timeouts, failures).",
            javaType = "String",
            enums = "COMPLETED,TRUNCATED,TOOL_CALL,FILTERED,OTHER")
    public static final String FINISH_CATEGORY = "CamelOpenClawFinishCategory";

    @Metadata(
            label = "producer",
            description = "Out: why a run failed: `refusal`, `timeout`, `rate_limit`, `context_length`, `unknown`.",
            javaType = "String")
    public static final String ERROR_KIND = "CamelOpenClawErrorKind";

    @Metadata(
            label = "producer",
            description = "Out: the gateway's (or the client's) error text of a failed run.",
            javaType = "String")
    public static final String ERROR_MESSAGE = "CamelOpenClawErrorMessage";

    @Metadata(label = "producer", description = "Out: input tokens, when reported.", javaType = "Integer")
    public static final String INPUT_TOKENS = "CamelOpenClawInputTokens";

    @Metadata(label = "producer", description = "Out: output tokens, when reported.", javaType = "Integer")
    public static final String OUTPUT_TOKENS = "CamelOpenClawOutputTokens";

    @Metadata(
            label = "producer",
            description = "Out: total tokens, when reported (or input plus output).",
            javaType = "Integer")
    public static final String TOTAL_TOKENS = "CamelOpenClawTotalTokens";

    @Metadata(label = "producer", description = "Out: the cost of the run, when reported.", javaType = "Double")
    public static final String COST = "CamelOpenClawCost";

    @Metadata(label = "producer", description = "Out: the model that answered.", javaType = "String")
    public static final String MODEL = "CamelOpenClawModel";

    @Metadata(label = "producer", description = "Out: the model provider.", javaType = "String")
    public static final String PROVIDER = "CamelOpenClawProvider";

    @Metadata(label = "producer", description = "Out: the run's duration in milliseconds.", javaType = "Long")
    public static final String DURATION = "CamelOpenClawDuration";

    @Metadata(label = "producer", description = "Out: the number of chunks the run streamed.", javaType = "Integer")
    public static final String CHUNK_COUNT = "CamelOpenClawChunkCount";

    @Metadata(
            label = "producer",
            description = "Out: whether the result was recovered after a reconnect or an event gap.",
            javaType = "Boolean")
    public static final String REATTACHED = "CamelOpenClawReattached";

    // ------------------------------------------------------------------ streamTo chunk exchanges

    @Metadata(
            label = "producer",
            description = "On `streamTo` exchanges: the chunk's kind: `text`, `thinking`, `tool_start`,"
                    + " `tool_update` or `tool_result`.",
            javaType = "String")
    public static final String CHUNK_KIND = "CamelOpenClawChunkKind";

    @Metadata(
            label = "producer",
            description = "On `streamTo` exchanges: the 0-based position of the chunk in its run.",
            javaType = "Integer")
    public static final String CHUNK_INDEX = "CamelOpenClawChunkIndex";

    @Metadata(
            label = "producer",
            description = "On `streamTo` exchanges: `true` when the chunk's text replaces all text streamed so far.",
            javaType = "Boolean")
    public static final String CHUNK_REPLACE = "CamelOpenClawChunkReplace";

    // ------------------------------------------------------------------ consumer headers

    @Metadata(label = "consumer", description = "The gateway event name, e.g. `agent` or `chat`.", javaType = "String")
    public static final String EVENT = "CamelOpenClawEvent";

    @Metadata(
            label = "consumer",
            description = "The event's per-connection sequence number, when the gateway sent one.",
            javaType = "Long")
    public static final String CONNECTION_SEQ = "CamelOpenClawConnectionSeq";

    @Metadata(label = "consumer", description = "The agent id of the event or run.", javaType = "String")
    public static final String AGENT_ID = "CamelOpenClawAgentId";

    @Metadata(
            label = "consumer",
            description = "For `agent` events: the stream (`lifecycle`, `assistant`, `thinking`, `tool`, `item`, ...).",
            javaType = "String")
    public static final String STREAM = "CamelOpenClawStream";

    @Metadata(
            label = "consumer",
            description = "For `chat` events: the state (`delta`, `final`, `aborted`, `error`, ...).",
            javaType = "String")
    public static final String STATE = "CamelOpenClawState";

    @Metadata(
            label = "consumer",
            description = "`true` on the first event after events were missed: a sequence gap, a reconnect, or"
                    + " events dropped because the consumer's queue was full.",
            javaType = "Boolean")
    public static final String GAP = "CamelOpenClawGap";

    @Metadata(
            label = "consumer",
            description = "`true` on a run's end that the events consumer read from `chat.history` (`catchUp=true`)"
                    + " instead of receiving it as an event.",
            javaType = "Boolean")
    public static final String CATCH_UP = "CamelOpenClawCatchUp";

    // ------------------------------------------------------------------ channel headers (openclaw:channel)

    @Metadata(
            label = "producer,consumer",
            description = "Channel. In (producer): the message id replies are correlated by (default: a new UUID)."
                    + " Out: the id of the message answered (producer) or of the frame received, when it had one"
                    + " (consumer).",
            javaType = "String")
    public static final String CHANNEL_MESSAGE_ID = "CamelOpenClawChannelMessageId";

    @Metadata(
            label = "producer",
            description = "Channel: the message's sender id, instead of the `senderId` option (the plugin keeps one"
                    + " agent session per sender, per group for group messages).",
            javaType = "String")
    public static final String CHANNEL_SENDER_ID = "CamelOpenClawChannelSenderId";

    @Metadata(
            label = "producer",
            description = "Channel: the message's sender display name, instead of the `senderName` option.",
            javaType = "String")
    public static final String CHANNEL_SENDER_NAME = "CamelOpenClawChannelSenderName";

    @Metadata(
            label = "producer",
            description = "Channel: `direct` (the plugin's default) or `group` (needs `CamelOpenClawChannelGroupId`).",
            javaType = "String",
            enums = "direct,group")
    public static final String CHANNEL_CHAT_TYPE = "CamelOpenClawChannelChatType";

    @Metadata(label = "producer", description = "Channel: the group id of a group message.", javaType = "String")
    public static final String CHANNEL_GROUP_ID = "CamelOpenClawChannelGroupId";

    @Metadata(
            label = "producer",
            description = "Channel: the group's name or subject (the plugin defaults it to the group id).",
            javaType = "String")
    public static final String CHANNEL_GROUP_SUBJECT = "CamelOpenClawChannelGroupSubject";

    @Metadata(label = "producer", description = "Channel: the id of the message replied to.", javaType = "String")
    public static final String CHANNEL_REPLY_TO_MESSAGE_ID = "CamelOpenClawChannelReplyToMessageId";

    @Metadata(
            label = "producer",
            description = "Channel: the text of the message replied to (the plugin quotes it to the agent).",
            javaType = "String")
    public static final String CHANNEL_REPLY_TO_BODY = "CamelOpenClawChannelReplyToBody";

    @Metadata(
            label = "producer",
            description = "Channel: media file path(s) on the gateway host: a String (one file) or a List/array of"
                    + " them. One file goes as `mediaPath`, several as `mediaPaths`.",
            javaType = "Object")
    public static final String CHANNEL_MEDIA_PATHS = "CamelOpenClawChannelMediaPaths";

    @Metadata(
            label = "producer",
            description = "Channel: the MIME type(s) of the media files, in the same order: a String or a List/array.",
            javaType = "Object")
    public static final String CHANNEL_MEDIA_TYPES = "CamelOpenClawChannelMediaTypes";

    @Metadata(
            label = "producer",
            description = "Channel: custom data (a Map, or JSON object text) the plugin merges into the agent's"
                    + " inbound context.",
            javaType = "Object")
    public static final String CHANNEL_CUSTOM_DATA = "CamelOpenClawChannelCustomData";

    @Metadata(
            label = "producer",
            description = "Channel. Out: how many `done:true` frames the reply came in (one per paragraph and per"
                    + " 4,000 characters of a longer paragraph).",
            javaType = "Integer")
    public static final String CHANNEL_CHUNK_COUNT = "CamelOpenClawChannelChunkCount";

    @Metadata(
            label = "producer",
            description = "Channel. Out: the reply's `done:true` frame contents in order (the body joins them with a"
                    + " blank line, the separator the plugin removed between paragraphs).",
            javaType = "java.util.List<String>")
    public static final String CHANNEL_CHUNKS = "CamelOpenClawChannelChunks";

    @Metadata(
            label = "producer",
            description = "Channel. Out: how many `chat.stream` frames (partial replies) arrived for the message.",
            javaType = "Integer")
    public static final String CHANNEL_STREAM_COUNT = "CamelOpenClawChannelStreamCount";

    @Metadata(
            label = "consumer",
            description = "Channel: `true` for the greeting the plugin sends first on every (re)connect (delivered"
                    + " only with `deliverGreeting=true`).",
            javaType = "Boolean")
    public static final String CHANNEL_GREETING = "CamelOpenClawChannelGreeting";

    @Metadata(
            label = "consumer",
            description = "Channel: `true` for a reply frame of a message this endpoint sent that arrived after the"
                    + " message had completed or failed (for example a later chunk with `replyCompletion=firstResponse`"
                    + " or after the reply timeout).",
            javaType = "Boolean")
    public static final String CHANNEL_LATE = "CamelOpenClawChannelLate";

    // ------------------------------------------------------------------ exchange properties

    /** Exchange property: the run's tool calls ({@code List<ToolCall>}). */
    public static final String TOOL_CALLS_PROPERTY = "CamelOpenClawToolCalls";
    /** Exchange property: the run's aggregated thinking text, when the agent streamed any. */
    public static final String THINKING_PROPERTY = "CamelOpenClawThinking";
    /** Exchange property (internal): the idempotency keys this exchange uses, so redeliveries reuse them. */
    public static final String RUN_KEYS_PROPERTY = "CamelOpenClawRunKeys";

    private OpenClawConstants() {}
}
