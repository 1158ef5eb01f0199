package io.github.accounts.users.control;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every sample user of the Flask app, from the shared fixture: its passlib hash verifies its password. */
class LegacyPasswordsTest {

    static final String PEPPER = "yh*hello12";

    static List<String[]> fixture() throws IOException {
        Path tsv = Path.of(System.getProperty("it.fixtures", "src/test/resources/fixtures"), "flask-seed-users.tsv");
        return Files.readAllLines(tsv, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.split("\t")).toList();
    }

    @Test
    void everyFlaskUserVerifiesWithTheirPasswordAndThePepper() throws IOException {
        List<String[]> users = fixture();
        assertEquals(6, users.size());
        for (String[] user : users) {
            assertTrue(LegacyPasswords.verify(user[2], user[1], PEPPER), user[0]);
            assertFalse(LegacyPasswords.verify(user[2], user[1], ""), user[0] + " without the pepper");
            assertFalse(LegacyPasswords.verify(user[2], user[1] + "x", PEPPER), user[0] + " with a wrong password");
        }
    }

    @Test
    void malformedHashesNeverVerify() {
        for (String hash : List.of("$pbkdf2-sha256$", "$pbkdf2-sha256$x$y$z", "$pbkdf2-sha256$0$AAAA$AAAA",
                "$pbkdf2-sha256$99999999$AAAA$rMdVb0ehtTZm8TGUZ4XRAbq5/GQJHrrDM4ySwPPFOrU", "$pbkdf2-sha256$1000$!!$AAAA")) {
            assertFalse(LegacyPasswords.verify(hash, "1234", PEPPER), hash);
        }
    }
}
