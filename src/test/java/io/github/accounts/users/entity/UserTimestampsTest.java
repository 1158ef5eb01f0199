package io.github.accounts.users.entity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A user's creation and change times come from the injected clock, to the second. */
class UserTimestampsTest {

    @Test
    void creationStampsBothAndAChangeOnlyTheLastChange() {
        UserTimestamps timestamps = new UserTimestamps();
        User user = new User("홍길동", "hong@example.com", "hong@example.com", "hash");
        timestamps.clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00.750Z"), ZoneOffset.UTC);
        timestamps.created(user);
        timestamps.clock = Clock.fixed(Instant.parse("2026-12-07T11:30:00Z"), ZoneOffset.UTC);
        timestamps.updated(user);
        assertEquals(Instant.parse("2026-12-07T10:00:00Z"), user.getCreatedAt());
        assertEquals(Instant.parse("2026-12-07T11:30:00Z"), user.getUpdatedAt());
    }
}
