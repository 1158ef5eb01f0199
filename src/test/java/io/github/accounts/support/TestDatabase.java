package io.github.accounts.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Which database the integration tests use: the embedded one (a fresh data directory under target/) by default,
 * MariaDB/MySQL when failsafe passes {@code it.db.url} (the {@code mariadb} profile).
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean external() {
        return !System.getProperty("it.db.url", "").isBlank();
    }

    public static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        if (external()) {
            env.put("DB_URL", System.getProperty("it.db.url"));
            env.put("DB_USER", System.getProperty("it.db.user", ""));
            env.put("DB_PASSWORD", System.getProperty("it.db.password", ""));
        }
        return env;
    }

    public static Path newDataDir(String name) {
        return Path.of(System.getProperty("it.dataRoot", "target/it-data"), name + "-" + UUID.randomUUID())
                .toAbsolutePath();
    }

    /** An email no other test run has used, so tests share one database without depending on each other. */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }
}
