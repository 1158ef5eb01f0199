package io.github.accounts.bench;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Argon2id through argon2-jvm's native reference implementation at the service's parameters
 * (m=19456 KiB, t=2, p=1): a registration pays one hash, a login one verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasswordHashBenchmark {

    static final int MEMORY_KIB = 19456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final String PASSWORD = "correct horse battery staple";

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    private String stored;

    @Setup
    public void setUp() {
        stored = argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, PASSWORD.toCharArray());
        if (!verify()) {
            throw new IllegalStateException("the hash does not verify");
        }
    }

    @Benchmark
    public String hash() {
        return argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, PASSWORD.toCharArray());
    }

    @Benchmark
    public boolean verify() {
        return argon2.verify(stored, PASSWORD.toCharArray());
    }
}
