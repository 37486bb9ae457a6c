package io.camelopenclaw.testgateway;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Paired devices with their device tokens, and pending pairing requests. Survives gateway restarts, like the real
 * gateway's on-disk pairing state. Thread-safe.
 */
final class DevicePairingStore {

    /** An approved device: its role, approved scopes (sorted, as stored by the gateway) and current token. */
    record Pairing(String deviceId, String role, List<String> scopes, String token, long issuedAtMs) {}

    /** A pairing request waiting for {@link TestGateway#approvePairing(String)}. */
    record PendingRequest(String requestId, String deviceId, String role, List<String> scopes) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pairing> paired = new HashMap<>();
    private final Map<String, PendingRequest> pending = new LinkedHashMap<>();

    synchronized Pairing find(String deviceId) {
        return paired.get(deviceId);
    }

    /**
     * Pairs a device silently, or upgrades its approved scopes; an upgrade rotates the token, so the old one stops
     * working. Returns the pairing unchanged when it already covers {@code scopes}.
     */
    synchronized Pairing pair(String deviceId, String role, Collection<String> scopes, long now) {
        Pairing current = paired.get(deviceId);
        if (current != null && current.role().equals(role) && Scopes.allSatisfied(current.scopes(), scopes)) {
            return current;
        }
        TreeSet<String> approved = new TreeSet<>(scopes);
        if (current != null) {
            approved.addAll(current.scopes());
        }
        Pairing pairing = new Pairing(deviceId, role, List.copyOf(approved), newToken(), now);
        paired.put(deviceId, pairing);
        return pairing;
    }

    /** Records (or returns the already pending) pairing request of a device. */
    synchronized PendingRequest request(String deviceId, String role, List<String> scopes) {
        for (PendingRequest request : pending.values()) {
            if (request.deviceId().equals(deviceId)) {
                return request;
            }
        }
        PendingRequest request = new PendingRequest(UUID.randomUUID().toString(), deviceId, role, scopes);
        pending.put(request.requestId(), request);
        return request;
    }

    /** Approves a pending request: the device is paired and its next connect gets a device token. */
    synchronized boolean approve(String requestId, long now) {
        PendingRequest request = pending.remove(requestId);
        if (request == null) {
            return false;
        }
        pair(request.deviceId(), request.role(), request.scopes(), now);
        return true;
    }

    synchronized List<String> pendingRequestIds() {
        return new ArrayList<>(pending.keySet());
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
