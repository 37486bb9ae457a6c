package io.camelopenclaw.component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.GatewayRequestException;
import io.camelopenclaw.client.error.MissingScopeException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenClawRpcProducerTest extends OpenClawTestSupport {

    /** A POJO body: serialized as the params object. */
    public record HistoryQuery(String sessionKey, int limit) {}

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:health").to("openclaw:rpc?method=health");
                from("direct:history").to("openclaw:rpc?method=chat.history");
                from("direct:history-json").to("openclaw:rpc?method=chat.history&payloadFormat=json");
                from("direct:any").to("openclaw:rpc");
                from("direct:any-admin").to("openclaw:rpc?scopes=operator.read,operator.write,operator.admin");
                from("direct:read-only").to("openclaw:rpc?method=chat.send&scopes=operator.read");
                from("direct:agent").to("openclaw:agent?sessionKey=agent:main:rpc");
            }
        };
    }

    private Exchange call(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    @Test
    void methodFromTheUriWithoutParamsGivesTheResultAsAMap() {
        Exchange reply = call("direct:health", null);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody()).isInstanceOf(Map.class);
        assertThat(mapBody(reply)).containsEntry("ok", true);
        assertThat(lastParams("health").isEmpty()).isTrue();
    }

    @Test
    void methodHeaderOverridesTheUri() {
        Exchange reply = template.request(
                "direct:health", e -> e.getMessage().setHeader(OpenClawConstants.METHOD, "sessions.list"));

        assertThat(reply.getException()).isNull();
        assertThat(mapBody(reply)).containsKey("sessions");
        assertThat(requests("sessions.list")).isNotEmpty();
    }

    @Test
    void paramsFromAMapJsonTextBytesOrAPojo() {
        template.requestBody("direct:agent", "remember this");

        for (Object body : List.of(
                Map.of("sessionKey", "agent:main:rpc", "limit", 5),
                "{\"sessionKey\":\"agent:main:rpc\",\"limit\":5}",
                "{\"sessionKey\":\"agent:main:rpc\",\"limit\":5}".getBytes(StandardCharsets.UTF_8),
                new HistoryQuery("agent:main:rpc", 5))) {
            Exchange reply = call("direct:history", body);

            assertThat(reply.getException())
                    .as("params from %s", body.getClass())
                    .isNull();
            assertThat(lastParams("chat.history").path("sessionKey").asText()).isEqualTo("agent:main:rpc");
            assertThat(lastParams("chat.history").path("limit").asInt()).isEqualTo(5);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> messages =
                    (List<Map<String, Object>>) mapBody(reply).get("messages");
            assertThat(messages).anyMatch(m -> "user".equals(m.get("role")));
        }
    }

    @Test
    void payloadFormatJsonGivesJsonText() {
        Exchange reply = call("direct:history-json", Map.of("sessionKey", "agent:main:rpc"));

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody()).isInstanceOf(String.class);
        assertThat(reply.getMessage().getBody(String.class))
                .startsWith("{")
                .contains("\"sessionKey\":\"agent:main:rpc\"");
    }

    @Test
    void unknownMethodIsATypedGatewayError() {
        Exchange reply = template.request(
                "direct:any-admin", e -> e.getMessage().setHeader(OpenClawConstants.METHOD, "no.such.method"));

        assertThat(reply.getException())
                .isInstanceOf(GatewayRequestException.class)
                .hasMessageContaining("unknown method: no.such.method");
        GatewayRequestException error = (GatewayRequestException) reply.getException();
        assertThat(error.code()).isEqualTo("INVALID_REQUEST");
        assertThat(error.method()).isEqualTo("no.such.method");
    }

    @Test
    void unknownMethodWithoutAdminIsAMissingScope() {
        Exchange reply = template.request(
                "direct:any", e -> e.getMessage().setHeader(OpenClawConstants.METHOD, "no.such.method"));

        assertThat(reply.getException())
                .isInstanceOf(MissingScopeException.class)
                .hasMessageContaining("operator.admin")
                .hasMessageContaining("MISSING_SCOPE");
    }

    @Test
    void invalidParamsAreRejectedWithTheGatewaysDetails() {
        Exchange reply = call("direct:history", Map.of("sessionKey", "agent:main:rpc", "bogus", 1));

        assertThat(reply.getException())
                .isInstanceOf(GatewayRequestException.class)
                .hasMessageContaining("bogus");
        assertThat(((GatewayException) reply.getException()).code()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void paramsThatAreNotAJsonObjectFailClearly() {
        Exchange reply = call("direct:history", "[1, 2]");

        assertThat(reply.getException())
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("params must be a JSON object");
    }

    @Test
    void noMethodFailsClearly() {
        Exchange reply = call("direct:any", null);

        assertThat(reply.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(OpenClawConstants.METHOD);
    }

    @Test
    void aMethodBeyondTheGrantedScopesFailsWithMissingScope() {
        Exchange reply = call(
                "direct:read-only",
                Map.of("sessionKey", "agent:main:rpc", "message", "x", "idempotencyKey", "scope-test"));

        assertThat(reply.getException())
                .isInstanceOf(MissingScopeException.class)
                .hasMessageContaining("MISSING_SCOPE");
        assertThat(((MissingScopeException) reply.getException()).missingScopes())
                .contains("operator.write");
    }
}
