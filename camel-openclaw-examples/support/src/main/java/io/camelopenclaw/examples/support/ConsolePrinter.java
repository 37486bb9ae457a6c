package io.camelopenclaw.examples.support;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * The console side of a demo: routes that print a line for every message arriving at an endpoint (where a bridge
 * delivers its output), and a wait until each of them has printed once.
 */
public final class ConsolePrinter extends RouteBuilder {

    private static final PrintStream OUT = System.out;

    private final Map<String, Function<Message, String>> endpoints = new LinkedHashMap<>();
    private volatile CountDownLatch firstPrints;

    /** Prints {@code line(message)} for every message consumed from the endpoint. */
    public ConsolePrinter print(String endpointUri, Function<Message, String> line) {
        endpoints.put(endpointUri, line);
        return this;
    }

    @Override
    public void configure() {
        firstPrints = new CountDownLatch(endpoints.size());
        endpoints.forEach((uri, line) -> {
            AtomicBoolean printed = new AtomicBoolean();
            from(uri).process(exchange -> {
                OUT.println(line.apply(exchange.getMessage()));
                if (printed.compareAndSet(false, true)) {
                    firstPrints.countDown();
                }
            });
        });
    }

    /** Waits until every endpoint has printed a message (once the routes are added); fails after the timeout. */
    public void awaitEachPrinted(Duration timeout) throws InterruptedException {
        if (!firstPrints.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("nothing arrived at some of " + endpoints.keySet() + " within " + timeout);
        }
    }
}
