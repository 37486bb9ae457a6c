package io.camelopenclaw.client.run;

import java.util.Base64;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.api.GatewayPolicy;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.PayloadTooLargeException;
import io.camelopenclaw.client.json.JsonValues;

/**
 * Builds {@code chat.send} and {@code agent} params for the negotiated protocol. Protocol-3 schemas are closed, so
 * protocol-4-only fields ({@code agentId} and {@code suppressCommandInterpretation} on {@code chat.send}) are left out
 * there. Attachments are checked against the gateway's advertised limits first.
 * <p>
 * Command suppression: gateways accept {@code suppressCommandInterpretation} only from connections holding
 * {@code operator.admin} (2026.9.6 answers "system provenance fields require admin scope"). Without admin the flag is
 * not sent, and a message that would be read as a slash command is refused instead of being executed.
 */
final class RunParams {

    private RunParams() {}

    static ObjectNode build(AgentRunRequest request, String runId, GatewayInfo info) {
        int protocol = info == null ? 4 : info.protocol();
        GatewayPolicy policy = info == null ? GatewayPolicy.DEFAULT : info.policy();
        boolean admin = info != null
                && info.grantedScopes() != null
                && info.grantedScopes().contains("operator.admin");
        boolean suppressOnGateway = request.suppressCommandInterpretation()
                && protocol >= 4
                && admin
                && request.method() == RunMethod.CHAT_SEND;
        if (request.suppressCommandInterpretation() && !suppressOnGateway && looksLikeCommand(request.message())) {
            throw new GatewayException("Message starts with '/' and would run as a gateway command; command "
                    + "suppression needs the operator.admin scope, or disable "
                    + "suppressCommandInterpretation to allow commands [COMMAND_NOT_SUPPRESSED]");
        }
        ObjectNode params = JsonValues.object();
        if (request.sessionKey() != null) {
            params.put("sessionKey", request.sessionKey());
        }
        params.put("message", request.message());
        params.put("idempotencyKey", runId);
        if (request.thinking() != null) {
            params.put("thinking", request.thinking());
        }
        if (request.deliver() != null) {
            params.put("deliver", request.deliver());
        }
        if (!request.attachments().isEmpty()) {
            params.set("attachments", attachments(request, policy));
        }
        if (request.method() == RunMethod.AGENT) {
            if (request.agentId() != null) {
                params.put("agentId", request.agentId());
            }
            if (request.extraSystemPrompt() != null) {
                params.put("extraSystemPrompt", request.extraSystemPrompt());
            }
        } else if (protocol >= 4) {
            if (request.agentId() != null) {
                params.put("agentId", request.agentId());
            }
            if (suppressOnGateway) {
                params.put("suppressCommandInterpretation", true);
            }
        }
        return params;
    }

    /** Whether the gateway would read the message as a slash command ({@code /reset}, {@code /new}, ...). */
    static boolean looksLikeCommand(String message) {
        return message.stripLeading().startsWith("/");
    }

    private static ArrayNode attachments(AgentRunRequest request, GatewayPolicy policy) {
        ArrayNode array = JsonValues.array();
        for (Attachment a : request.attachments()) {
            Long limit = a.isImage() && policy.attachmentMaxImageBytes() != null
                    ? policy.attachmentMaxImageBytes()
                    : policy.attachmentMaxBytes();
            if (limit != null && a.content().length > limit) {
                throw new PayloadTooLargeException(
                        "Attachment " + (a.fileName() == null ? "" : a.fileName() + " ") + "(" + a.mimeType() + ")",
                        a.content().length,
                        limit);
            }
            ObjectNode node = array.addObject();
            if (a.mimeType() != null) {
                node.put("mimeType", a.mimeType());
            }
            if (a.fileName() != null) {
                node.put("fileName", a.fileName());
            }
            node.put("content", Base64.getEncoder().encodeToString(a.content()));
        }
        return array;
    }
}
