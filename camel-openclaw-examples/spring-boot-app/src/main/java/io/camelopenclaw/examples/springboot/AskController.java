package io.camelopenclaw.examples.springboot;

import java.util.List;

import io.camelopenclaw.examples.support.AgentReplies;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ask} with the message as a text body answers with the agent's reply and the run's facts as
 * {@code OpenClaw*} response headers: 200 when the agent answered (or chose to stay silent), 502 when the run failed,
 * timed out or was aborted, 500 when the gateway could not be asked at all.
 */
@RestController
public class AskController {

    private static final List<String> FACTS =
            List.of(AgentReplies.RUN_ID, AgentReplies.SESSION_KEY, AgentReplies.STATUS, AgentReplies.ERROR_KIND);

    private final ProducerTemplate camel;

    public AskController(ProducerTemplate camel) {
        this.camel = camel;
    }

    @PostMapping(path = "/ask", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> ask(
            @RequestBody String message,
            @RequestHeader(name = AgentRoutes.CONVERSATION, required = false) String conversation,
            @RequestHeader(name = AgentRoutes.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        Exchange exchange = camel.request(AgentRoutes.ASK, request -> {
            request.getMessage().setBody(message);
            if (conversation != null) {
                request.getMessage().setHeader(AgentRoutes.CONVERSATION, conversation);
            }
            if (idempotencyKey != null) {
                request.getMessage().setHeader(AgentRoutes.IDEMPOTENCY_KEY, idempotencyKey);
            }
        });
        if (exchange.getException() != null) {
            throw new IllegalStateException("the agent could not be asked", exchange.getException());
        }
        Message reply = exchange.getMessage();
        String status = reply.getHeader(AgentReplies.STATUS, String.class);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(
                "ok".equals(status) || "silent".equals(status) ? HttpStatus.OK : HttpStatus.BAD_GATEWAY);
        FACTS.forEach(fact -> {
            String value = reply.getHeader(fact, String.class);
            if (value != null) {
                response.header(fact, value);
            }
        });
        return response.body(reply.getBody(String.class));
    }
}
