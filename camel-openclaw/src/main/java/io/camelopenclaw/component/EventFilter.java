package io.camelopenclaw.component;

import java.util.Set;

import io.camelopenclaw.client.api.GatewayEvent;

/**
 * The events consumer's filters: event names ({@code *} for all), session key, run id, agent streams (for
 * {@code agent} events) and chat states (for {@code chat} events). Empty filters accept everything.
 */
final class EventFilter {

    private final Set<String> events;
    private final SessionKeyFilter sessions;
    private final String runId;
    private final Set<String> streams;
    private final Set<String> states;

    EventFilter(OpenClawConfiguration config) {
        this.events = Set.copyOf(OpenClawEndpoint.splitList(config.getEvents()));
        this.sessions = SessionKeyFilter.of(config.getSessionKey());
        this.runId = config.getRunId();
        this.streams = Set.copyOf(OpenClawEndpoint.splitList(config.getStreams()));
        this.states = Set.copyOf(OpenClawEndpoint.splitList(config.getStates()));
    }

    Set<String> events() {
        return events;
    }

    SessionKeyFilter sessions() {
        return sessions;
    }

    boolean accepts(GatewayEvent event) {
        return (events.isEmpty() || events.contains("*") || events.contains(event.name()))
                && sessions.matches(event.sessionKey())
                && (runId == null || runId.equals(event.runId()))
                && (streams.isEmpty() || !"agent".equals(event.name()) || streams.contains(event.stream()))
                && (states.isEmpty() || !"chat".equals(event.name()) || states.contains(event.state()));
    }
}
