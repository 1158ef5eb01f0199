package io.github.accounts.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The revocation check of every authenticated request, modelled on the service's Revocations bean: a
 * {@code HashMap<String, Long>} of jti to expiry (epoch seconds) holding {@code entries} live revocations.
 * A miss is the common case (a token that was never logged out). The service's bean is an EJB singleton
 * with {@code @Lock(READ)}; {@link #missUnderReadLock()} adds a read-write lock's read side, the intrinsic part
 * of that (the container's interceptors cost more, and are not modelled here).
 *
 * The looked-up jtis are separate String instances from the map's keys (like a jti parsed from a token), taken
 * round-robin from 1,024; their hash codes are cached after the first round, which a freshly parsed jti would
 * not have (computing one over 36 characters costs a few tens of nanoseconds).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RevocationCheckBenchmark {

    private static final int PROBES = 1024;

    @Param("100000")
    int entries;

    private Map<String, Long> expiryByJti;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private String[] present;
    private String[] absent;
    private int next;

    @Setup
    public void setUp() {
        expiryByJti = new HashMap<>();
        long expiresAt = System.currentTimeMillis() / 1000 + 3600;
        String[] keys = new String[entries];
        for (int i = 0; i < entries; i++) {
            keys[i] = UUID.randomUUID().toString();
            expiryByJti.put(keys[i], expiresAt);
        }
        present = new String[PROBES];
        absent = new String[PROBES];
        for (int i = 0; i < PROBES; i++) {
            present[i] = new String(keys[(int) ((long) i * entries / PROBES)].toCharArray());
            absent[i] = UUID.randomUUID().toString();
        }
    }

    @Benchmark
    public boolean miss() {
        return expiryByJti.containsKey(absent[next++ & (PROBES - 1)]);
    }

    @Benchmark
    public boolean hit() {
        return expiryByJti.containsKey(present[next++ & (PROBES - 1)]);
    }

    @Benchmark
    public boolean missUnderReadLock() {
        lock.readLock().lock();
        try {
            return expiryByJti.containsKey(absent[next++ & (PROBES - 1)]);
        } finally {
            lock.readLock().unlock();
        }
    }
}
