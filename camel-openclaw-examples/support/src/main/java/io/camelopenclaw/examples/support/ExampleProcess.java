package io.camelopenclaw.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs an example's {@code main} the way a newcomer does, in a JVM of its own with this JVM's class path, and keeps
 * everything it printed (standard output and error, logs included): for tests that an example ends clean. The child
 * gets no {@code OPENCLAW_*} variables (so it uses the embedded gateway) and a temporary home folder (so the device
 * identity it creates stays out of the real one).
 *
 * @param exitCode the child's exit code
 * @param output   what it printed, lines in order
 */
public record ExampleProcess(int exitCode, List<String> output) {

    /** Lines that show something went wrong: a WARN or ERROR log line, an exception or a stack frame. */
    private static final Pattern TROUBLE = Pattern.compile("\\b(WARN|ERROR)\\b|Exception|^\\s+at \\S+\\(.*\\)$");

    /** Runs {@code main} with {@code args} and waits up to {@code timeout} for it to end. */
    public static ExampleProcess run(Class<?> main, Duration timeout, String... args) {
        try {
            Path home = Files.createTempDirectory("example-home");
            Path output = Files.createTempFile("example-output", ".txt");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.home=" + home,
                    "-cp",
                    System.getProperty("java.class.path"),
                    main.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("OPENCLAW_"));
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(main.getSimpleName() + " did not end within " + timeout
                        + "; it printed:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new ExampleProcess(process.exitValue(), Files.readAllLines(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code main} {@code times} times (shutdown races show only now and then) and fails unless every run exits
     * with 0, printed the agent's reply ({@code ECHO: ...}) and nothing that shows trouble.
     */
    public static void assertRunsClean(Class<?> main, int times, Duration timeout) {
        for (int i = 1; i <= times; i++) {
            ExampleProcess run = run(main, timeout);
            boolean replied = run.output.stream().anyMatch(line -> line.contains("ECHO: "));
            if (run.exitCode != 0 || !replied || !run.troubles().isEmpty()) {
                throw new AssertionError(main.getSimpleName() + " run " + i + " of " + times + " exited with "
                        + run.exitCode + (replied ? "" : " without a reply") + ", troubles " + run.troubles()
                        + "; it printed:\n" + String.join("\n", run.output));
            }
        }
    }

    /** The lines that show trouble: WARN or ERROR log lines, exceptions, stack frames. */
    public List<String> troubles() {
        return output.stream().filter(line -> TROUBLE.matcher(line).find()).toList();
    }
}
