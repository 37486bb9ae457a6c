package io.camelopenclaw.examples.springboot;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.camelopenclaw.examples.support.AgentReplies;
import io.camelopenclaw.examples.support.ExampleGateway;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The Spring Boot application ({@link AgentRoutes}, {@link AskController}), run against the gateway of
 * {@link ExampleGateway}: its URL and token are passed as {@code --camel.component.openclaw.*} arguments, which win
 * over {@code application.properties}. Without arguments it starts on a free port, asks one question over HTTP,
 * prints the answer and stops; with {@code --serve} it stays up on port 8080 (or {@code --server.port}) until stopped.
 */
@SpringBootApplication
public class SpringBootExample {

    private static final PrintStream OUT = System.out;

    public static void main(String[] args) throws Exception {
        boolean serve = Arrays.asList(args).contains("--serve");
        try (ExampleGateway gateway = ExampleGateway.fromEnvironment()) {
            OUT.println("Spring Boot application, " + gateway.describe());
            List<String> arguments = new ArrayList<>(Arrays.asList(args));
            arguments.remove("--serve");
            gateway.componentProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
            if (!serve) {
                arguments.add("--server.port=0");
            }
            ConfigurableApplicationContext application =
                    SpringApplication.run(SpringBootExample.class, arguments.toArray(String[]::new));
            String url = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port") + "/ask";
            if (serve) {
                OUT.println("POST questions to " + url + ", e.g. curl -H 'Content-Type: text/plain' -d 'hello' " + url);
                awaitClose(application);
            } else {
                try (application) {
                    ask(url, "Hello from Spring Boot");
                }
            }
        }
    }

    private static void ask(String url, String question) throws Exception {
        OUT.println("> POST " + url + ": " + question);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "text/plain")
                                .header(AgentRoutes.CONVERSATION, "spring-boot-demo")
                                .POST(HttpRequest.BodyPublishers.ofString(question))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        OUT.println("< " + response.statusCode() + " " + response.body());
        OUT.println("  (run "
                + response.headers().firstValue(AgentReplies.RUN_ID).orElse("-") + ", status "
                + response.headers().firstValue(AgentReplies.STATUS).orElse("-") + ", session "
                + response.headers().firstValue(AgentReplies.SESSION_KEY).orElse("-") + ")");
    }

    /** Blocks until the application is closed (Ctrl+C), so the embedded gateway outlives it. */
    private static void awaitClose(ConfigurableApplicationContext application) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        application.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        closed.await();
    }
}
