package io.github.accounts.users.control;

import io.github.accounts.operations.control.Metrics;
import io.github.accounts.settings.control.Settings;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import io.github.accounts.problems.control.ServiceBusyException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.text.Normalizer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes in PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), through the
 * native reference implementation. Parameters are configurable but never below OWASP's recommendations. Hashes
 * made with weaker parameters, or by the Flask app, still verify and are reported as due for an upgrade.
 * The CPU time of each hash and verification goes to {@code accounts_password_hash_cpu_seconds{work}} of
 * {@code /metrics}: what the parameters cost on this machine, and the share of a node's CPU that hashing takes.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Settings settings;

    @Inject
    Metrics metrics;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIMED = THREADS.isCurrentThreadCpuTimeSupported();

    private static final Pattern ARGON2_PARAMETERS = Pattern.compile("^\\$(argon2(?:id|i|d))\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$");

    /** What a stored hash says about a password. */
    public enum Verification {
        MATCH, MATCH_NEEDS_UPGRADE, NO_MATCH;

        public boolean matches() {
            return this != NO_MATCH;
        }
    }

    int memoryKib;
    int iterations;

    int parallelism;

    /** How long a request may wait for a free core before it is answered 503: a flood of logins never holds every thread. */
    long waitMillis;

    Optional<String> legacyPepper;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    /**
     * At most one hash per core at a time: more would not finish sooner, and each holds {@code m} KiB of native
     * memory, so this also bounds the memory hashing can take under a burst of logins.
     */
    final Semaphore cores = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    /** Verified against when the email is unknown, so that case costs the same time as a wrong password. */
    private String dummyHash;

    @PostConstruct
    void init() {
        memoryKib = settings.get(Settings.PASSWORD_HASH_MEMORY_KIB);
        iterations = settings.get(Settings.PASSWORD_HASH_ITERATIONS);
        parallelism = settings.get(Settings.PASSWORD_HASH_PARALLELISM);
        waitMillis = settings.get(Settings.PASSWORD_HASH_WAIT_MILLIS);
        legacyPepper = settings.get(Settings.LEGACY_PASSWORD_PEPPER);
        dummyHash = hash("not the password of anyone");
    }

    /** Hashes the password in Unicode normalization form NFKC (NIST SP 800-63B 5.1.1.2), so that every way of typing it matches. */
    public String hash(String password) {
        String normalized = normalized(password);
        return limited("hash", () -> argon2.hash(iterations, memoryKib, parallelism, normalized.toCharArray()));
    }

    /**
     * Checks the password in NFKC; a hash made before passwords were normalized (or by the Flask app) may hold the
     * password as typed, so that form is tried too, and a match there asks for an upgrade to the normalized hash.
     */
    public Verification verify(String hash, String password) {
        String normalized = normalized(password);
        if (LegacyPasswords.isLegacy(hash)) {
            String pepper = legacyPepper.orElse("");
            return LegacyPasswords.verify(hash, password, pepper) || (!normalized.equals(password) && LegacyPasswords.verify(hash, normalized, pepper))
                    ? Verification.MATCH_NEEDS_UPGRADE : Verification.NO_MATCH;
        }
        Verification verification = verifyArgon2(hash, normalized);
        if (verification == Verification.NO_MATCH && !normalized.equals(password) && isArgon2(hash)) {
            return verifyArgon2(hash, password).matches() ? Verification.MATCH_NEEDS_UPGRADE : Verification.NO_MATCH;
        }
        return verification;
    }

    static String normalized(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private static boolean isArgon2(String hash) {
        return hash != null && ARGON2_PARAMETERS.matcher(hash).find();
    }

    private Verification verifyArgon2(String hash, String password) {
        Matcher parameters = hash == null ? null : ARGON2_PARAMETERS.matcher(hash);
        if (parameters == null || !parameters.find()) {
            verifyDummy(password);
            return Verification.NO_MATCH;
        }
        // no free core is a 503 for the caller, never a wrong password: only the verification itself is caught
        boolean matches = limited("verify", () -> {
            try {
                return argon2.verify(hash, password.toCharArray());
            } catch (RuntimeException unreadable) {
                return false;
            }
        });
        if (!matches) {
            return Verification.NO_MATCH;
        }
        return isCurrent(parameters) ? Verification.MATCH : Verification.MATCH_NEEDS_UPGRADE;
    }

    private boolean isCurrent(Matcher parameters) {
        return "argon2id".equals(parameters.group(1))
                && Integer.parseInt(parameters.group(2)) >= 19
                && Long.parseLong(parameters.group(3)) >= memoryKib
                && Long.parseLong(parameters.group(4)) >= iterations
                && Long.parseLong(parameters.group(5)) >= parallelism;
    }

    /** Spends the time of one verification, for an account that does not exist. */
    public void verifyDummy(String password) {
        limited("verify", () -> argon2.verify(dummyHash, password.toCharArray()));
    }

    /**
     * Runs the work on one of the cores, waiting at most {@code PASSWORD_HASH_WAIT_MILLIS} for it to be free, and
     * records the CPU time it took as {@code work} ({@code hash} or {@code verify}).
     */
    private <T> T limited(String kind, Supplier<T> work) {
        if (!acquire()) {
            throw new ServiceBusyException("Every core is busy checking passwords", 1);
        }
        long cpu = CPU_TIMED ? THREADS.getCurrentThreadCpuTime() : -1;
        try {
            return work.get();
        } finally {
            cores.release();
            if (cpu >= 0) {
                metrics.time("accounts_password_hash_cpu", Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpu), "work", kind);
            }
        }
    }

    private boolean acquire() {
        try {
            return cores.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
