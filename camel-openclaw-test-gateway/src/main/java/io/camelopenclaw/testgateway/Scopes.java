package io.camelopenclaw.testgateway;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Operator scopes: the closed set, the implication rules and the event scope guards. */
final class Scopes {

    static final String READ = "operator.read";
    static final String WRITE = "operator.write";
    static final String ADMIN = "operator.admin";

    private static final Set<String> KNOWN = Set.of(
            READ,
            WRITE,
            ADMIN,
            "operator.approvals",
            "operator.questions",
            "operator.pairing",
            "operator.talk",
            "operator.talk.secrets",
            "operator.sessions.read",
            "operator.sessions.write");

    /** Events every authenticated connection receives; all others need {@code operator.read}. */
    private static final Set<String> UNGUARDED_EVENTS =
            Set.of("tick", "health", "heartbeat", "shutdown", "gateway.suspension", "update.available");

    private Scopes() {}

    /** The requested scopes in request order, unknown names filtered out and duplicates removed. */
    static List<String> known(List<String> requested) {
        Set<String> scopes = new LinkedHashSet<>(requested);
        scopes.retainAll(KNOWN);
        return List.copyOf(scopes);
    }

    /** Whether the granted scopes satisfy {@code required} ({@code admin} ⊇ all, {@code write} ⊇ read). */
    static boolean satisfied(Collection<String> granted, String required) {
        if (granted.contains(ADMIN) || granted.contains(required)) {
            return true;
        }
        return switch (required) {
            case READ, "operator.talk", "operator.sessions.write" -> granted.contains(WRITE);
            case "operator.sessions.read" -> granted.contains(WRITE) || granted.contains(READ);
            default -> false;
        };
    }

    static boolean allSatisfied(Collection<String> granted, Collection<String> required) {
        return required.stream().allMatch(scope -> satisfied(granted, scope));
    }

    /** Whether a connection holding {@code granted} may receive {@code event}. */
    static boolean mayReceive(Collection<String> granted, String event) {
        return UNGUARDED_EVENTS.contains(event) || satisfied(granted, READ);
    }
}
