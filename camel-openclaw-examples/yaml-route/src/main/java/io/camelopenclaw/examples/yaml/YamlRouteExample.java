package io.camelopenclaw.examples.yaml;

import io.camelopenclaw.examples.support.ExampleGateway;
import org.apache.camel.main.Main;

/**
 * Runs {@code ask-agent.camel.yaml} with {@code application.properties} under Camel Main, which is what Camel JBang
 * runs too, against the gateway of {@link ExampleGateway}. The route asks the agent once and logs the reply, the
 * events route logs the chat final; after these two messages Camel Main stops. Arguments, if any, are the question
 * (instead of {@code example.question}).
 */
public final class YamlRouteExample {

    /** The routes, found on the classpath here (Camel JBang is given the file itself). */
    public static final String ROUTES = "classpath:ask-agent.camel.yaml";
    /** The timer's exchange and the chat final event. */
    static final int DEMO_MESSAGES = 2;

    private YamlRouteExample() {
    }

    public static void main(String[] args) throws Exception {
        try (ExampleGateway gateway = ExampleGateway.fromEnvironment()) {
            System.out.println("YAML route " + ROUTES + " under Camel Main, " + gateway.describe());
            Main main = createMain(gateway);
            if (args.length > 0) {
                main.addOverrideProperty("example.question", String.join(" ", args));
            }
            main.configure().withDurationMaxMessages(DEMO_MESSAGES);
            main.run();
        }
    }

    /**
     * A Camel Main with the YAML routes and {@code application.properties}, the gateway's URL and token overriding
     * what the properties say.
     */
    public static Main createMain(ExampleGateway gateway) {
        Main main = new Main();
        main.configure().withRoutesIncludePattern(ROUTES);
        gateway.componentProperties().forEach(main::addOverrideProperty);
        return main;
    }
}
