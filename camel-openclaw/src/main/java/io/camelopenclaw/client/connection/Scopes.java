package io.camelopenclaw.client.connection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The gateway's operator-scope implication rules: admin satisfies all; write implies read; read and write imply their session scopes. */
final class Scopes {

    private Scopes() {}

    /** The required scopes that {@code granted} does not satisfy. */
    public static List<String> missing(Collection<String> required, Collection<String> granted) {
        List<String> missing = new ArrayList<>();
        for (String scope : required) {
            if (!satisfied(scope, granted)) {
                missing.add(scope);
            }
        }
        return missing;
    }

    static boolean satisfied(String scope, Collection<String> granted) {
        if (granted.contains(scope) || granted.contains("operator.admin")) {
            return true;
        }
        return switch (scope) {
            case "operator.read", "operator.talk", "operator.sessions.write" -> granted.contains("operator.write");
            case "operator.sessions.read" -> granted.contains("operator.write") || granted.contains("operator.read");
            default -> false;
        };
    }
}
