package io.github.accounts.users.control;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Argon2id password hashes in PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}),
 * through the native reference implementation. Parameters are at least OWASP's recommendation.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    /** Verified against when the email is unknown, so that case costs the same time as a wrong password. */
    private String dummyHash;

    @PostConstruct
    void init() {
        dummyHash = hash("not the password of anyone");
    }

    public String hash(String password) {
        return argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, password.toCharArray());
    }

    /** True when the password matches; false for a wrong password or a hash this service cannot read. */
    public boolean verify(String hash, String password) {
        if (hash == null || !hash.startsWith("$argon2")) {
            argon2.verify(dummyHash, password.toCharArray());
            return false;
        }
        try {
            return argon2.verify(hash, password.toCharArray());
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Spends the time of one verification, for an account that does not exist. */
    public void verifyDummy(String password) {
        argon2.verify(dummyHash, password.toCharArray());
    }
}
