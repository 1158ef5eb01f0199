package io.github.accounts.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * One JSON line per authentication event on the {@code accounts.audit} logger: event, outcome, user id and
 * client address. Never a password or a token.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("accounts.audit");

    public void record(String event, String outcome, Long userId, String clientAddress) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("audit", event)
                .add("outcome", outcome)
                .add("time", Instant.now().toString());
        if (userId != null) {
            line.add("user_id", userId);
        }
        if (clientAddress != null) {
            line.add("client_ip", clientAddress);
        }
        LOG.info(line.build().toString());
    }
}
