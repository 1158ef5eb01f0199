package io.github.accounts.revocation.control;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Where a node is in the database's numbered revocation events. Ids are handed out when a row is inserted but
 * become visible when its transaction commits, so a pull may see id 7 before id 6: the missing 6 is a gap, asked
 * for again on every pull until it shows up or has been missing for {@code gapWait} on this node's own monotonic
 * clock (a rolled-back transaction leaves a gap for good). Nothing below the first open gap is asked for again,
 * and nothing at or above it is given up early: an event that commits late is still picked up.
 * Not thread-safe: one pull at a time.
 */
public final class RevocationCursor {

    /** Gaps kept at most; beyond that the oldest ids are given up (a jump in ids of a misconfigured sequence). */
    static final int MAX_GAPS = 10_000;

    private final long gapWaitNanos;
    private final LongSupplier nanoTime;
    private long highest;
    /** Ids not seen yet below {@link #highest}, with the monotonic time they were first missed. */
    private final TreeMap<Long, Long> gaps = new TreeMap<>();

    /** Starts after {@code start}: every id up to it counts as seen. */
    public RevocationCursor(long start, Duration gapWait, LongSupplier nanoTime) {
        this.highest = start;
        this.gapWaitNanos = gapWait.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The highest id seen: ask for everything above it. */
    public long highest() {
        return highest;
    }

    /** Every id up to this one has been seen or given up. */
    public long cursor() {
        return gaps.isEmpty() ? highest : gaps.firstKey() - 1;
    }

    /** The oldest open gaps (at most {@code max}), to ask for again besides what is above {@link #highest}. */
    public List<Long> gaps(int max) {
        return gaps.keySet().stream().limit(max).toList();
    }

    /** Takes in one id a pull found (in ascending order); true when it is news, false when it was seen before. */
    public boolean accept(long id) {
        if (id > highest) {
            long now = nanoTime.getAsLong();
            for (long missing = Math.max(highest + 1, id - MAX_GAPS); missing < id; missing++) {
                gaps.put(missing, now);
            }
            highest = id;
            while (gaps.size() > MAX_GAPS) {
                gaps.pollFirstEntry();
            }
            return true;
        }
        return gaps.remove(id) != null;
    }

    /** Gives up the gaps that have been missing for longer than the wait: after the pull, before the next. */
    public void expire() {
        long now = nanoTime.getAsLong();
        gaps.values().removeIf(missedSince -> now - missedSince >= gapWaitNanos);
    }
}
