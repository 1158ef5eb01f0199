package io.github.accounts.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import io.github.accounts.operations.control.Metrics;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * One JSON line per authentication event on the {@code accounts.audit} logger: event, outcome, user id and
 * client address, never a password or a token. Each event also counts in {@code accounts_events_total} of
 * {@code /metrics}, by event and outcome.
 */
@ApplicationScoped
public class AuditLog {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger("accounts.audit");

    @Inject
    Metrics metrics;

    @Inject
    Clock clock;

    public void record(String event, String outcome, Long userId, String clientAddress) {
        record(event, outcome, null, userId, clientAddress);
    }

    public void record(String event, String outcome, String detail, Long userId, String clientAddress) {
        JsonObjectBuilder line = JSON.createObjectBuilder()
                .add("audit", event)
                .add("outcome", outcome)
                .add("time", clock.instant().toString());
        if (detail != null) {
            line.add("detail", detail);
        }
        if (userId != null) {
            line.add("user_id", userId);
        }
        if (clientAddress != null) {
            line.add("client_ip", clientAddress);
        }
        LOG.info(line.build().toString());
        metrics.count("accounts_events", "event", event, "outcome", outcome);
    }
}
