package io.github.accounts.users;

import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Flask app's own MySQL database (the shared fixture, loaded into MariaDB): the service migrates it in place,
 * and every one of its users logs in with their old password (also those shorter than today's policy), their
 * hash being upgraded to Argon2id on that first login.
 */
@Tag("mariadb")
class FlaskUsersIT {

    static final Path FIXTURES = Path.of(System.getProperty("it.fixtures", "src/test/resources/fixtures"));
    static final String SERVER = System.getProperty("it.db.server", "jdbc:mysql://127.0.0.1:3306/");

    static void loadFixture(String database) throws Exception {
        String sql = Files.readString(FIXTURES.resolve("flask-seed-users.sql"), StandardCharsets.UTF_8);
        try (Connection connection = DriverManager.getConnection(SERVER + "?characterEncoding=UTF-8", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
            statement.execute("USE " + database);
            for (String command : sql.split(";\\s*\\n")) {
                String withoutComments = command.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!withoutComments.isEmpty()) {
                    statement.execute(withoutComments);
                }
            }
        }
    }

    static String flaskLogin(String email, String password) {
        return jakarta.json.Json.createObjectBuilder().add("email", email).add("password", password).build().toString();
    }

    @Test
    void everyFlaskUserLogsInWithTheirOldPasswordAndIsUpgraded() throws Exception {
        loadFixture("flask_it");
        List<String[]> users = Files.readAllLines(FIXTURES.resolve("flask-seed-users.tsv"), StandardCharsets.UTF_8).stream()
                .skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
        assertEquals(6, users.size());
        Map<String, String> env = Map.of("DB_URL", SERVER + "flask_it", "DB_USER", "root", "DB_PASSWORD", "",
                "LEGACY_PASSWORD_PEPPER", "yh*hello12");
        try (MicroServer node = MicroServer.fresh("flask", env).start()) {
            Http http = node.http();
            for (String[] user : users) {
                String email = user[0];
                String password = user[1];
                String flaskHash = user[2];
                // through the Flask app's own route and body, as its clients send them
                assertEquals(401, http.post("/users/login", flaskLogin(email, password + "x")).status(), email);
                Reply first = http.post("/users/login", flaskLogin(email, password));
                assertEquals(200, first.status(), () -> email + ": " + first);
                assertEquals("success", first.json().getString("result"));
                assertEquals(first.json().getString("access_token"), first.json().getString("access"));
                String upgraded = TestDatabase.passwordHashOf(node.env(), email);
                assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), email + ": " + upgraded);
                assertNotEquals(flaskHash, upgraded);
                Reply again = http.login(email.toUpperCase(), password);
                assertEquals(200, again.status(), () -> email + " after the upgrade: " + again);
                assertEquals(email, http.me(again.token()).json().getString("email"));
            }
            Reply hong = http.login("abc@naver.com", "1234");
            assertEquals("홍길동", http.me(hong.token()).json().getString("username"));
            assertEquals(409, http.register("again", "bob.smith@example.org", "a brand new passphrase").status());
            assertEquals(400, http.register("short", "new-flask-user@example.com", "1234").status(), "new passwords obey today's policy");
        }
    }
}
