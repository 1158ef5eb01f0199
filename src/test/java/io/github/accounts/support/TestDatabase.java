package io.github.accounts.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * Settings for a node (and its restarts) that must not share the test database, e.g. one that encrypts the
     * signing keys it finds: on MariaDB a database of its own, made empty; the embedded database is its own anyway.
     */
    public static Map<String, String> ownDatabase(String name) {
        if (!external()) {
            return Map.of();
        }
        String url = System.getProperty("it.db.url");
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        // named after the test database (accounts_it → accounts_it_mail), so runs on other test databases do not collide
        String shared = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        String database = (shared.matches("[A-Za-z0-9_]+") ? shared : "accounts_it") + "_" + name;
        try (Connection connection = DriverManager.getConnection(server, System.getProperty("it.db.user", ""), System.getProperty("it.db.password", ""));
             java.sql.Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database);
            sql.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("DB_URL", server + database);
    }

    /** {@code settings} on a database of its own named {@code name} ({@link #ownDatabase}). */
    public static Map<String, String> onOwnDatabase(String name, Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.putAll(ownDatabase(name));
        return all;
    }

    public static Path newDataDir(String name) {
        return Path.of(System.getProperty("it.dataRoot", "target/it-data"), name + "-" + UUID.randomUUID())
                .toAbsolutePath();
    }

    /**
     * The stored password hash of a user, read straight from the database of a node's settings (for the embedded
     * database the node must be stopped: H2 lets one process at a time open its file).
     */
    public static String passwordHashOf(Map<String, String> nodeEnv, String email) throws SQLException {
        return queryOne(nodeEnv, "SELECT password FROM user WHERE email_normalized = ?", email.toLowerCase(java.util.Locale.ROOT));
    }

    /** The private key of a signing key as stored (same rule as {@link #passwordHashOf} for the embedded database). */
    public static String privateKeyOf(Map<String, String> nodeEnv, String kid) throws SQLException {
        return queryOne(nodeEnv, "SELECT private_key FROM signing_key WHERE kid = ?", kid);
    }

    private static String queryOne(Map<String, String> nodeEnv, String sql, String parameter) throws SQLException {
        String url = nodeEnv.containsKey("DB_URL") ? nodeEnv.get("DB_URL")
                : "jdbc:h2:file:" + nodeEnv.get("DATA_DIR") + "/accounts;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=USER;TRACE_LEVEL_FILE=0";
        String user = nodeEnv.getOrDefault("DB_USER", "sa");
        try (Connection connection = DriverManager.getConnection(url, user, nodeEnv.getOrDefault("DB_PASSWORD", ""));
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** An email no other test run has used, so tests share one database without depending on each other. */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }
}
