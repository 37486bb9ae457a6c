package io.camelopenclaw.examples.support;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded test gateway on its own until the JVM stops (Ctrl+C), for clients in other processes such as
 * Camel JBang: prints the {@code OPENCLAW_GATEWAY_URL} and {@code OPENCLAW_GATEWAY_TOKEN} to export. The argument,
 * if any, is the port (default {@value #DEFAULT_PORT}, the gateway's usual port).
 */
public final class TestGatewayServer {

    public static final int DEFAULT_PORT = 18789;

    private TestGatewayServer() {}

    public static void main(String[] args) throws InterruptedException {
        ExampleGateway gateway = ExampleGateway.embedded(args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        System.out.println("Test gateway running until Ctrl+C; in another shell:");
        System.out.println("export " + ExampleGateway.URL_VARIABLE + "=" + gateway.url() + " "
                + ExampleGateway.TOKEN_VARIABLE + "=" + gateway.token());
        new CountDownLatch(1).await();
    }
}
