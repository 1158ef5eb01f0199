package io.github.accounts.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * One JSON line per authentication event on the {@code accounts.audit} logger: event, outcome, user id and
 * client address, never a password or a token. Each event also counts in {@code accounts_events_total} of
 * {@code /metrics}, by event and outcome.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("accounts.audit");

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    public void record(String event, String outcome, Long userId, String clientAddress) {
        record(event, outcome, null, userId, clientAddress);
    }

    public void record(String event, String outcome, String detail, Long userId, String clientAddress) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("audit", event)
                .add("outcome", outcome)
                .add("time", Instant.now().toString());
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
        registry.counter("accounts_events", new Tag("event", event), new Tag("outcome", outcome)).inc();
    }
}
