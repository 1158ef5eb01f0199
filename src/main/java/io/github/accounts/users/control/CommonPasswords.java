package io.github.accounts.users.control;

import com.nulabinc.zxcvbn.StandardDictionaries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/**
 * The 30,000 most common passwords, as ranked by zxcvbn (the list zxcvbn4j ships, from leaked-password corpora),
 * compared case-insensitively.
 */
public final class CommonPasswords {

    private static final Set<String> PASSWORDS = load();

    private CommonPasswords() {
    }

    private static Set<String> load() {
        try {
            return Set.copyOf(StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common password list", e);
        }
    }

    public static int size() {
        return PASSWORDS.size();
    }

    public static boolean contains(String password) {
        return PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }
}
