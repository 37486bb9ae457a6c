package io.camelopenclaw.examples;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.GatewayClientOptions;
import io.camelopenclaw.client.GatewayInfo;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.client.run.RunChunk;
import io.camelopenclaw.testgateway.TestGateway;

import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs one agent turn and prints the reply as it streams in. Uses the embedded test gateway unless
 * {@code OPENCLAW_GATEWAY_URL} (and {@code OPENCLAW_GATEWAY_TOKEN}) point at a real gateway. Arguments, if any, are
 * the message.
 */
public final class AgentTurnDemo {

    private static final PrintStream OUT = System.out;

    private AgentTurnDemo() {
    }

    public static void main(String[] args) throws Exception {
        String message = args.length > 0 ? String.join(" ", args) : "hello from camel-openclaw";
        String url = System.getenv("OPENCLAW_GATEWAY_URL");
        String token = System.getenv("OPENCLAW_GATEWAY_TOKEN");
        TestGateway embedded = null;
        if (url == null || url.isBlank()) {
            token = UUID.randomUUID().toString();
            embedded = TestGateway.builder().token(token).chunkDelay(Duration.ofMillis(40)).build().start();
            url = embedded.url();
            OUT.println("Started the embedded test gateway at " + url + " (set OPENCLAW_GATEWAY_URL for a real one)");
        }
        GatewayClientOptions options = GatewayClientOptions.builder().url(url).token(token)
                .displayName("camel-openclaw demo").build();
        try (GatewayClient client = GatewayClient.create(options)) {
            GatewayInfo info = client.connect().get(60, TimeUnit.SECONDS);
            OUT.println("Connected: gateway " + info.serverVersion() + ", protocol " + info.protocol() + ", scopes "
                        + info.grantedScopes());
            OUT.println("> " + message);
            OUT.print("< ");
            AgentRunResult result = client.startRun(AgentRunRequest.builder(message)
                    .sessionKey("agent:main:camel-openclaw-demo")
                    .runTimeout(Duration.ofMinutes(2))
                    .chunkListener(AgentTurnDemo::print)
                    .build()).result().get(3, TimeUnit.MINUTES);
            OUT.println();
            OUT.println("Run " + result.runId() + " finished: status=" + result.outcome().label() + ", session="
                        + result.sessionKey() + ", chunks=" + result.chunkCount() + ", model=" + result.provider() + "/"
                        + result.model() + ", output tokens=" + result.usage().outputTokens() + ", "
                        + result.durationMs() + " ms");
            OUT.println("Reply: " + result.text());
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void print(RunChunk chunk) {
        if (chunk.kind() == RunChunk.Kind.TEXT) {
            OUT.print(chunk.replace() ? "\n< " + chunk.text() : chunk.text());
            OUT.flush();
        }
    }
}
