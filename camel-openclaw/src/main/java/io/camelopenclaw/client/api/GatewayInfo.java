package io.camelopenclaw.client.api;

import java.util.List;
import java.util.Set;

/**
 * What a gateway said about itself and this connection in {@code hello-ok}.
 *
 * @param protocol          the negotiated protocol version (3 or 4)
 * @param serverVersion     the gateway release, e.g. {@code 2026.9.6}
 * @param connId            the gateway's id of this connection
 * @param bootId            the gateway process's boot id (protocol 4), or {@code null}
 * @param methods           the methods the gateway advertises (a conservative list)
 * @param events            the events the gateway advertises
 * @param capabilities      server capabilities (protocol 4), possibly empty
 * @param grantedScopes     the scopes this connection holds, or {@code null} if the gateway did not say (protocol 3)
 * @param authMethod        {@code token}, {@code password}, {@code device-token}, ... or {@code null}
 * @param defaultAgentId    the default agent, e.g. {@code main}
 * @param mainSessionKey    the default agent's main session key, e.g. {@code agent:main:main}
 * @param policy            the advertised limits
 * @param deviceTokenIssued whether this {@code hello-ok} issued (or rotated) a device token
 */
public record GatewayInfo(
        int protocol,
        String serverVersion,
        String connId,
        String bootId,
        Set<String> methods,
        Set<String> events,
        Set<String> capabilities,
        List<String> grantedScopes,
        String authMethod,
        String defaultAgentId,
        String mainSessionKey,
        GatewayPolicy policy,
        boolean deviceTokenIssued) {

    public GatewayInfo {
        methods = Set.copyOf(methods);
        events = Set.copyOf(events);
        capabilities = Set.copyOf(capabilities);
        grantedScopes = grantedScopes == null ? null : List.copyOf(grantedScopes);
    }

    /** Whether the gateway advertises a method (the list is conservative: absence is a hint, not proof). */
    public boolean hasMethod(String method) {
        return methods.contains(method);
    }
}
