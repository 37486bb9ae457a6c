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
    /** The system property that hands the gateway token to the component's configuration. */
    static final String TOKEN_PROPERTY = "openclaw.example.gateway-token";
    /** The timer's exchange and the chat final event. */
    static final int DEMO_MESSAGES = 2;

    private YamlRouteExample() {}

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
     * what the properties say. The token goes in as a property placeholder ({@value #TOKEN_PROPERTY}, a system
     * property), as a secret should: Camel Main warns about secrets configured in plain text.
     */
    public static Main createMain(ExampleGateway gateway) {
        Main main = new Main();
        main.configure().withRoutesIncludePattern(ROUTES);
        main.addOverrideProperty("camel.component.openclaw.gateway-url", gateway.url());
        if (gateway.token() != null) {
            System.setProperty(TOKEN_PROPERTY, gateway.token());
            main.addOverrideProperty("camel.component.openclaw.token", "{{sys:" + TOKEN_PROPERTY + "}}");
        }
        return main;
    }
}
