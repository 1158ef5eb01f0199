package io.github.accounts.support;

import io.github.accounts.support.Http.Reply;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import static io.github.accounts.support.TestDatabase.uniqueEmail;

/**
 * The node most integration test classes share (one Payara Micro for all of them, see {@link SharedNodes}): the
 * service with the settings those classes need together — an admin address and a bootstrap secret, an
 * introspection client, two allowed CORS origins, a public URL of its own (over https) that is also the issuer and
 * the passkeys' relying party, passkey challenges that expire soon, access tokens that live an hour (the admin's
 * one token serves the whole run, {@link #adminToken()}). A class that needs other settings (limits,
 * lifetimes, keys) starts a node of its own.
 */
public final class StandardNode {

    public static final String PASSWORD = "correct horse battery";
    public static final String ISSUER = "https://standard.test";
    public static final String ORIGIN = "https://app.example";
    public static final String OTHER_ORIGIN = "https://other.example";
    /** Listed in ADMIN_EMAILS; made admin with the bootstrap secret when first asked for ({@link #adminToken()}). */
    public static final String ADMIN = uniqueEmail("standard-admin");
    /** The WebAuthn relying party (the host of the public URL) and the one origin passkey ceremonies may come from. */
    public static final String RP_ID = "standard.test";
    public static final String PASSKEY_ORIGIN = ISSUER;
    /** The shortest WEBAUTHN_CHALLENGE_TTL allowed, so that a test sees a challenge expire. */
    public static final int CHALLENGE_TTL_SECONDS = 10;
    /** Access tokens live an hour here, so that the admin's one token lasts the whole test run ({@link #adminToken()}). */
    static final int ACCESS_TTL_SECONDS = 3600;
    public static final String INTROSPECTION_CLIENT = "probe";
    public static final String INTROSPECTION_SECRET = "probe-secret-" + UUID.randomUUID();
    static final String BOOTSTRAP_SECRET = "standard-bootstrap-" + UUID.randomUUID();

    public static final Map<String, String> SETTINGS = Map.of(
            "ADMIN_EMAILS", ADMIN,
            "ADMIN_BOOTSTRAP_SECRET", BOOTSTRAP_SECRET,
            "INTROSPECTION_CLIENTS", INTROSPECTION_CLIENT + ":" + INTROSPECTION_SECRET,
            "CORS_ALLOWED_ORIGINS", ORIGIN + ", " + OTHER_ORIGIN,
            "PUBLIC_URL", ISSUER,
            "JWT_ISSUER", ISSUER,
            "WEBAUTHN_CHALLENGE_TTL", String.valueOf(CHALLENGE_TTL_SECONDS),
            "JWT_ACCESS_TTL", String.valueOf(ACCESS_TTL_SECONDS));

    private static String adminRefreshToken;
    private static String adminAccessToken;
    private static long adminTokenIssued;

    private StandardNode() {
    }

    public static MicroServer node() {
        return SharedNodes.node("standard", SETTINGS);
    }

    /**
     * A second node with the same settings (on MariaDB the same database: what a node of a cluster outside any data
     * grid sees; on the embedded database a database of its own).
     */
    public static MicroServer peer() {
        return SharedNodes.node("standard-peer", SETTINGS);
    }

    public static Http http() {
        return node().http();
    }

    /**
     * A fresh access token of the admin, whose login used a second factor (MFA_REQUIRED_FOR_ADMIN is on here, as by
     * default). On the first call the admin registers, is bootstrapped, is refused by the admin endpoints until it
     * has a second factor, enrols an authenticator app and logs in with it. The token is kept and handed out again
     * for 50 minutes (it lives an hour here), then the session is refreshed. On MariaDB every node shares the
     * database, and a node of other settings that starts withdraws the admin role from addresses its ADMIN_EMAILS
     * does not list (as it should): a refresh after that gives a token without the role. So the role is taken into
     * a token once, right after the bootstrap, and that token serves the whole test run.
     */
    public static synchronized String adminToken() {
        if (adminAccessToken != null && System.nanoTime() - adminTokenIssued < TimeUnit.SECONDS.toNanos(ACCESS_TTL_SECONDS - 600)) {
            return adminAccessToken;
        }
        Http http = http();
        if (adminRefreshToken == null) {
            Reply registered = http.register("admin", ADMIN, PASSWORD);
            if (registered.status() != 201) {
                throw new IllegalStateException("the standard node's admin could not register: " + registered);
            }
            Reply bootstrapped = http.bootstrapAdmin(registered.token(), BOOTSTRAP_SECRET);
            if (bootstrapped.status() != 200) {
                throw new IllegalStateException("the standard node's admin could not bootstrap: " + bootstrapped);
            }
            String passwordOnly = http.login(ADMIN, PASSWORD).token();
            Reply refused = http.get("/api/admin/users", passwordOnly);
            if (refused.status() != 403 || !refused.body().contains("urn:accounts:problem:mfa-required-for-admin")) {
                throw new AssertionError("an admin's login without a second factor reached an admin endpoint: " + refused);
            }
            SecondFactors.Factor factor = SecondFactors.enrol(http, passwordOnly);
            Reply tokens = SecondFactors.login(http, ADMIN, PASSWORD, TotpCodes.next(factor.secret()));
            adminRefreshToken = tokens.json().getString("refresh_token");
            adminAccessToken = tokens.token();
            adminTokenIssued = System.nanoTime();
            return adminAccessToken;
        }
        Reply refreshed = http.post("/api/tokens/refresh", "{\"refresh_token\":\"" + adminRefreshToken + "\"}");
        if (refreshed.status() != 200) {
            throw new IllegalStateException("the standard node's admin session could not be refreshed: " + refreshed);
        }
        adminRefreshToken = refreshed.json().getString("refresh_token");
        adminAccessToken = refreshed.token();
        adminTokenIssued = System.nanoTime();
        return adminAccessToken;
    }
}
