package io.github.accounts.settings;

import io.github.accounts.support.Cores;
import io.github.accounts.support.MicroServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An unsafe setting stops the deployment in the real container, naming the setting and never the secret (the rules
 * themselves are SettingsTest's). The node is its own and never serves: it runs beside the other tests. The database
 * plays no part: the MariaDB run leaves it out.
 */
@Tag("database-agnostic")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = Cores.LOCK, mode = ResourceAccessMode.READ)
class RefusedSettingsIT {

    /** Review #14, point 15: a short plaintext secret stops the deployment. */
    @Test
    void aShortPlaintextIntrospectionSecretStopsTheStart() {
        MicroServer weak = MicroServer.fresh("weak-secret", Map.of("INTROSPECTION_CLIENTS", "orders:s3cret"));
        try {
            assertThrows(IllegalStateException.class, weak::start);
            assertTrue(weak.logLines().stream().anyMatch(l -> l.contains("the secret of 'orders' is shorter than 20 characters")),
                    "see " + weak.log());
            assertTrue(weak.logLines().stream().noneMatch(l -> l.contains("s3cret")), "the secret itself is never logged");
        } finally {
            weak.close();
        }
    }
}
