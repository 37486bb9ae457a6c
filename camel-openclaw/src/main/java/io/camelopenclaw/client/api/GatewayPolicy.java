package io.camelopenclaw.client.api;

/**
 * The limits a gateway advertised in {@code hello-ok.policy}.
 *
 * @param maxPayload              largest frame in bytes, both directions
 * @param maxBufferedBytes        the gateway's outbound buffer per client before it drops events or closes
 * @param tickIntervalMs          interval of {@code tick} events
 * @param attachmentMaxBytes      largest attachment, or {@code null} when not advertised (protocol 3)
 * @param attachmentMaxImageBytes largest image attachment, or {@code null} when not advertised
 */
public record GatewayPolicy(
        long maxPayload,
        long maxBufferedBytes,
        long tickIntervalMs,
        Long attachmentMaxBytes,
        Long attachmentMaxImageBytes) {

    /** The defaults of openclaw 2026.9.6, used before the first {@code hello-ok}. */
    public static final GatewayPolicy DEFAULT = new GatewayPolicy(26_214_400L, 52_428_800L, 30_000L, null, null);
}
