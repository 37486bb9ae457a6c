package io.camelopenclaw.examples.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelopenclaw.component.OpenClawComponent;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.examples.support.ExampleGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.InterceptSendToMockEndpointStrategy;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML routes under Camel Main with the example's {@code application.properties}, against the test gateway. The
 * routes' {@code log:} endpoints are mocked as well (Camel's mock-endpoints strategy) to see what reaches them.
 */
class YamlRouteExampleTest {

    @Test
    void theYamlRoutesAskTheAgentAndAuditTheChatFinal() throws Exception {
        try (ExampleGateway gateway = ExampleGateway.embedded()) {
            Main main = YamlRouteExample.createMain(gateway);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterConfigure(BaseMainSupport configured) {
                    configured
                            .getCamelContext()
                            .getCamelContextExtension()
                            .registerEndpointCallback(new InterceptSendToMockEndpointStrategy("log:*"));
                }
            });
            main.start();
            try {
                CamelContext camel = main.getCamelContext();
                MockEndpoint replies = camel.getEndpoint("mock:log:openclaw.reply", MockEndpoint.class);
                MockEndpoint audit = camel.getEndpoint("mock:log:openclaw.audit", MockEndpoint.class);
                replies.expectedBodiesReceived("ECHO: Hello from a YAML route");
                replies.expectedHeaderReceived(OpenClawConstants.SESSION_KEY, "agent:main:yaml-example");
                audit.expectedMessageCount(1);
                MockEndpoint.assertIsSatisfied(camel);

                Exchange reply = replies.getReceivedExchanges().get(0);
                JsonNode event = new ObjectMapper()
                        .readTree(
                                audit.getReceivedExchanges().get(0).getMessage().getBody(String.class));
                assertThat(event.path("state").asText()).isEqualTo("final");
                assertThat(event.path("runId").asText())
                        .isEqualTo(reply.getMessage().getHeader(OpenClawConstants.RUN_ID));
                assertThat(camel.getComponent("openclaw", OpenClawComponent.class)
                                .getConfiguration()
                                .getRunTimeout())
                        .as("camel.component.openclaw.run-timeout = 2m")
                        .isEqualTo(120_000);
                assertThat(gateway.testGateway().receivedRequests())
                        .filteredOn(r -> "connect".equals(r.method()))
                        .isNotEmpty()
                        .allSatisfy(r -> assertThat(r.params()
                                        .path("client")
                                        .path("displayName")
                                        .asText())
                                .isEqualTo("camel-openclaw YAML example"));
            } finally {
                main.stop();
            }
        }
    }
}
