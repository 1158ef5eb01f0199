package io.github.accounts.users.control;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import io.github.accounts.problems.boundary.ServiceBusyException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
 */
@ApplicationScoped
public class PasswordHasher {

    /** OWASP's least memory (with t=5); below it, or below its memory-time product, a setting is refused. */
    static final int MIN_MEMORY_KIB = 7 * 1024;
    static final long MIN_MEMORY_TIME_PRODUCT = 7L * 1024 * 5;
    private static final Pattern ARGON2_PARAMETERS = Pattern.compile("^\\$(argon2(?:id|i|d))\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$");

    /** What a stored hash says about a password. */
    public enum Verification {
        MATCH, MATCH_NEEDS_UPGRADE, NO_MATCH;

        public boolean matches() {
            return this != NO_MATCH;
        }
    }

    @Inject
    @ConfigProperty(name = "PASSWORD_HASH_MEMORY_KIB", defaultValue = "19456")
    int memoryKib;

    @Inject
    @ConfigProperty(name = "PASSWORD_HASH_ITERATIONS", defaultValue = "2")
    int iterations;

    @Inject
    @ConfigProperty(name = "PASSWORD_HASH_PARALLELISM", defaultValue = "1")
    int parallelism;

    /** How long a request may wait for a free core before it is answered 503: a flood of logins never holds every thread. */
    @Inject
    @ConfigProperty(name = "PASSWORD_HASH_WAIT_MILLIS", defaultValue = "500")
    long waitMillis;

    @Inject
    @ConfigProperty(name = "LEGACY_PASSWORD_PEPPER")
    Optional<String> legacyPepper;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    /**
     * At most one hash per core at a time: more would not finish sooner, and each holds {@code m} KiB of native
     * memory, so this also bounds the memory hashing can take under a burst of logins.
     */
    final Semaphore cores = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    /** Verified against when the email is unknown, so that case costs the same time as a wrong password. */
    private String dummyHash;

    void createAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the event creates the bean at deployment; @PostConstruct checks the settings
    }

    @PostConstruct
    void init() {
        if (memoryKib < MIN_MEMORY_KIB || (long) memoryKib * iterations < MIN_MEMORY_TIME_PRODUCT
                || parallelism < 1 || parallelism > 16 || memoryKib > 4 * 1024 * 1024) {
            throw new IllegalStateException("PASSWORD_HASH_MEMORY_KIB, PASSWORD_HASH_ITERATIONS and PASSWORD_HASH_PARALLELISM must be "
                    + "at least OWASP's Argon2id parameters (m >= 7168 KiB and m*t >= 35840, e.g. m=19456 t=2, m=7168 t=5; 1 <= p <= 16), not m="
                    + memoryKib + " t=" + iterations + " p=" + parallelism);
        }
        if (waitMillis < 1 || waitMillis > 60_000) {
            throw new IllegalStateException("PASSWORD_HASH_WAIT_MILLIS must be 1..60000, not " + waitMillis);
        }
        dummyHash = hash("not the password of anyone");
    }

    /** Hashes the password in Unicode normalization form NFKC (NIST SP 800-63B 5.1.1.2), so that every way of typing it matches. */
    public String hash(String password) {
        String normalized = normalized(password);
        return limited(() -> argon2.hash(iterations, memoryKib, parallelism, normalized.toCharArray()));
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
        boolean matches = limited(() -> {
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
        limited(() -> argon2.verify(dummyHash, password.toCharArray()));
    }

    /** Runs the work on one of the cores, waiting at most {@code PASSWORD_HASH_WAIT_MILLIS} for it to be free. */
    private <T> T limited(Supplier<T> work) {
        if (!acquire()) {
            throw new ServiceBusyException("Every core is busy checking passwords", 1);
        }
        try {
            return work.get();
        } finally {
            cores.release();
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
