package io.camelopenclaw.testgateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted agent: what a run does, chosen by keywords in the user message like the stub model the transcripts
 * were recorded with. First match wins: {@code FAIL:<kind>} (a known {@code errorKind}, else {@code unknown}),
 * {@code HANG}, {@code SILENT} / {@code NO_REPLY}, {@code TOOLCALL}, {@code SLOW}, {@code CHUNKS:<n>},
 * {@code REPLACE}, else echo. {@code THINK} adds a thinking stream before the answer.
 *
 * @param steps      what the run engine plays, in order
 * @param silent     the run ends without a visible reply
 * @param errorKind  the {@code errorKind} of a failing run, else null
 */
record AgentScript(List<Step> steps, boolean silent, String errorKind) {

    /** Immutable, so that runs of the same message can share one script. */
    AgentScript {
        steps = List.copyOf(steps);
    }

    /** One thing the agent does; {@code delayMs} is waited before it. */
    record Step(Action action, long delayMs, String text, boolean replace, boolean lastText) {

        static Step of(Action action) {
            return new Step(action, 0, null, false, false);
        }
    }

    /** The building blocks of a run, rendered per protocol by {@link RunEvents}. */
    enum Action {
        /** Workspace and context preparation. */
        PREPARE,
        /** The agent loop starts. */
        START,
        /** A model call starts. */
        MODEL,
        /** A chunk of reasoning. */
        THINK,
        /** A chunk of reply text. */
        TEXT,
        /** The {@code ls} tool call and its result, then the second model call. */
        TOOL,
        /** The run completes. */
        FINISH,
        /** The model call fails. */
        FAIL,
        /** The model answered with the silent token; protocol 4 asks it once more (another {@link #MODEL} follows). */
        SILENT_RETRY
    }

    /** The {@code errorMessage} of a failing run, by {@code errorKind}. */
    String errorMessage() {
        return switch (errorKind) {
            case "rate_limit" -> "API rate limit reached. Please try again later.";
            case "timeout" -> "LLM request timed out.";
            case "context_length" -> "Context overflow: prompt too large for the model.";
            case "refusal" -> "The model refused to answer.";
            default -> "LLM request failed.";
        };
    }

    static final String TOOL_RESULT =
            "\".git/\"\n\"AGENTS.md\"\n\"BOOTSTRAP.md\"\n\"IDENTITY.md\"\n\"SOUL.md\"\n" + "\"USER.md\"";
    static final int SLOW_CHUNKS = 50;

    private static final Set<String> ERROR_KINDS =
            Set.of("refusal", "timeout", "rate_limit", "context_length", "unknown");
    private static final Pattern FAIL = Pattern.compile("FAIL:([a-z_]+)");
    private static final Pattern CHUNKS = Pattern.compile("CHUNKS:(\\d+)");
    private static final Pattern WORD_START = Pattern.compile("(?=\\s)");

    /** The script for a user message. */
    static AgentScript forMessage(String message, Duration chunkDelay, Duration slowChunkDelay) {
        Matcher fail = FAIL.matcher(message);
        Matcher chunks = CHUNKS.matcher(message);
        List<Step> steps =
                new ArrayList<>(List.of(Step.of(Action.PREPARE), Step.of(Action.START), Step.of(Action.MODEL)));
        if (fail.find()) {
            steps.add(Step.of(Action.FAIL));
            String kind = ERROR_KINDS.contains(fail.group(1)) ? fail.group(1) : "unknown";
            return new AgentScript(steps, false, kind);
        }
        if (message.contains("HANG")) {
            return new AgentScript(steps, false, null);
        }
        boolean silent = message.contains("SILENT") || "NO_REPLY".equals(message.trim());
        if (silent) {
            steps.add(Step.of(Action.SILENT_RETRY));
            steps.add(Step.of(Action.MODEL));
        } else {
            if (message.contains("THINK")) {
                addChunks(steps, Action.THINK, words("Considering the request."), chunkDelay);
            }
            if (message.contains("TOOLCALL")) {
                steps.add(Step.of(Action.TOOL));
                addChunks(
                        steps,
                        Action.TEXT,
                        words("TOOL RESULT SEEN: " + firstChars(TOOL_RESULT, 80).replaceAll("\\s+", " ")),
                        chunkDelay);
            } else if (message.contains("SLOW")) {
                addChunks(steps, Action.TEXT, numberedParts("SLOW-ECHO ", SLOW_CHUNKS, "."), slowChunkDelay);
            } else if (chunks.find()) {
                addChunks(steps, Action.TEXT, numberedParts("", Integer.parseInt(chunks.group(1)), ""), chunkDelay);
            } else if (message.contains("REPLACE")) {
                addChunks(steps, Action.TEXT, words("Draft answer"), chunkDelay);
                steps.add(new Step(Action.TEXT, chunkDelay.toMillis(), "ECHO: " + message, true, false));
            } else {
                addChunks(steps, Action.TEXT, words("ECHO: " + message), chunkDelay);
            }
            markLastText(steps);
        }
        steps.add(Step.of(Action.FINISH));
        return new AgentScript(steps, silent, null);
    }

    /** {@code ECHO: hello camel} → {@code ["ECHO:", " hello", " camel"]}. */
    static List<String> words(String text) {
        return List.of(WORD_START.split(text));
    }

    /** {@code prefix + "part00"}, {@code " part01"}, …, the last followed by {@code suffix}. */
    private static List<String> numberedParts(String prefix, int count, String suffix) {
        List<String> parts = new ArrayList<>(count);
        int digits = Math.max(2, String.valueOf(count - 1).length());
        for (int i = 0; i < count; i++) {
            String number = Integer.toString(i);
            parts.add((i == 0 ? prefix : " ") + "part" + "0".repeat(digits - number.length()) + number
                    + (i == count - 1 ? suffix : ""));
        }
        return parts;
    }

    private static void addChunks(List<Step> steps, Action action, List<String> chunks, Duration delay) {
        for (int i = 0; i < chunks.size(); i++) {
            steps.add(new Step(action, i == 0 ? 0 : delay.toMillis(), chunks.get(i), false, false));
        }
    }

    private static void markLastText(List<Step> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            if (step.action() == Action.TEXT) {
                steps.set(i, new Step(Action.TEXT, step.delayMs(), step.text(), step.replace(), true));
                return;
            }
        }
    }

    private static String firstChars(String text, int n) {
        return text.length() <= n ? text : text.substring(0, n);
    }
}
