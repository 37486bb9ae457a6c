package io.camelopenclaw.examples.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.camelopenclaw.component.OpenClawComponent;
import io.camelopenclaw.component.OpenClawConfiguration;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.CamelContext;

/**
 * The gateway an example talks to: the real one named by {@code OPENCLAW_GATEWAY_URL} (with
 * {@code OPENCLAW_GATEWAY_TOKEN}), else an in-process {@link TestGateway} started here and stopped by {@link #close()}.
 */
public final class ExampleGateway implements AutoCloseable {

    public static final String URL_VARIABLE = "OPENCLAW_GATEWAY_URL";
    public static final String TOKEN_VARIABLE = "OPENCLAW_GATEWAY_TOKEN";
    /** The property {@link #componentProperties()} holds the token in, for the component's placeholder. */
    public static final String TOKEN_PROPERTY = "openclaw.example.gateway-token";

    private final String url;
    private final String token;
    private final TestGateway embedded;

    private ExampleGateway(String url, String token, TestGateway embedded) {
        this.url = url;
        this.token = token;
        this.embedded = embedded;
    }

    /** The gateway of {@code OPENCLAW_GATEWAY_URL} when set, else a new embedded test gateway. */
    public static ExampleGateway fromEnvironment() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? embedded() : new ExampleGateway(url, System.getenv(TOKEN_VARIABLE), null);
    }

    /** A new embedded test gateway with a random token, whatever the environment says (for tests). */
    public static ExampleGateway embedded() {
        return embedded(0);
    }

    /** A new embedded test gateway with a random token on the given loopback port (0: a free one). */
    public static ExampleGateway embedded(int port) {
        String token = UUID.randomUUID().toString();
        TestGateway gateway =
                TestGateway.builder().token(token).port(port).build().start();
        return new ExampleGateway(gateway.url(), token, gateway);
    }

    public String url() {
        return url;
    }

    public String token() {
        return token;
    }

    /** The embedded test gateway, for assertions on what it received; fails for a real gateway. */
    public TestGateway testGateway() {
        if (embedded == null) {
            throw new IllegalStateException("not an embedded gateway: " + url);
        }
        return embedded;
    }

    /**
     * How many user messages the embedded gateway's transcript of the session holds: the runs that really started
     * there, whatever number of requests joined them (for assertions).
     */
    public long userMessages(String sessionKey) {
        return testGateway().sessions().history(sessionKey).stream()
                .filter(message -> "user".equals(message.path("role").asText()))
                .count();
    }

    /** One line for the console: which gateway, and how to choose another. */
    public String describe() {
        return embedded != null
                ? "embedded test gateway at " + url + " (set " + URL_VARIABLE + " and " + TOKEN_VARIABLE
                        + " for a real one)"
                : "gateway at " + url + " (from " + URL_VARIABLE + ")";
    }

    /**
     * The gateway as Camel properties ({@code camel.component.openclaw.*}), for Camel Main and Spring Boot. The token
     * option names its value by a placeholder, as a secret should be configured (Camel warns about a plain value).
     */
    public Map<String, String> componentProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.openclaw.gateway-url", url);
        if (token != null) {
            properties.put("camel.component.openclaw.token", "{{" + TOKEN_PROPERTY + "}}");
            properties.put(TOKEN_PROPERTY, token);
        }
        return properties;
    }

    /** Points the context's {@code openclaw} component at this gateway. */
    public void configure(CamelContext context) {
        OpenClawConfiguration configuration =
                context.getComponent("openclaw", OpenClawComponent.class).getConfiguration();
        configuration.setGatewayUrl(url);
        configuration.setToken(token);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
