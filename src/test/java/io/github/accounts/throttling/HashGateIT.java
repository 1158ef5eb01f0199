package io.github.accounts.throttling;

import io.github.accounts.support.Cores;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.Together;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.List;
import java.util.Map;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static io.github.accounts.throttling.ThrottlingIT.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review #14, point 9: a login waits a bounded time for a free core, then gets 503 with Retry-After — on a node of
 * its own that waits 1 ms (PASSWORD_HASH_WAIT_MILLIS). The node is its own and a load beside it only adds to the
 * flood: it runs beside the other tests. The database plays no part: the MariaDB run leaves it out.
 */
@Tag("database-agnostic")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = Cores.LOCK, mode = ResourceAccessMode.READ)
class HashGateIT {

    @Test
    void aFloodOfLoginsIsAnswered503WithRetryAfterInsteadOfWaitingForACore() throws Exception {
        try (MicroServer impatient = MicroServer.fresh("hash-gate", Map.of("PASSWORD_HASH_WAIT_MILLIS", "1")).start()) {
            Http http = impatient.http();
            List<Reply> replies = Together.each(32, i -> http.login(uniqueEmail("flood"), "wrong password " + i));
            List<Reply> busy = replies.stream().filter(r -> r.status() == 503).toList();
            assertFalse(busy.isEmpty(), statuses(replies));
            assertEquals(replies.size(), busy.size() + replies.stream().filter(r -> r.status() == 401).count(), statuses(replies));
            for (Reply reply : busy) {
                assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply::toString);
                assertEquals("urn:accounts:problem:service-unavailable", reply.json().getString("type"));
                assertEquals("1", reply.header("Retry-After"), reply::toString);
            }
        }
    }
}
