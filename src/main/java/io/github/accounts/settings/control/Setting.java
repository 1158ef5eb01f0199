package io.github.accounts.settings.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One setting: its name (the environment variable), its default, whether it is a secret (masked in the log) and how
 * its text becomes a typed value. A value that cannot be used throws {@link IllegalArgumentException} with a message
 * an operator can act on; {@link Settings} collects them at deployment.
 *
 * @param <T> the typed value
 */
public final class Setting<T> {

    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String name;
    private final String defaultValue;
    private final boolean secret;
    private final Function<String, T> parser;

    private Setting(String name, String defaultValue, boolean secret, Function<String, T> parser) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.parser = parser;
    }

    public String name() {
        return name;
    }

    /** The text used when the setting is not set, or empty when it then stays unset. */
    public String defaultValue() {
        return defaultValue;
    }

    public boolean secret() {
        return secret;
    }

    T parse(String text) {
        return parser.apply(text);
    }

    /** A duration in whole seconds, {@code min} to {@code max}. */
    static Setting<Duration> seconds(String name, long defaultSeconds, long min, long max) {
        return new Setting<>(name, Long.toString(defaultSeconds), false,
                text -> Duration.ofSeconds(inRange(name, number(name, text), min, max, "seconds")));
    }

    static Setting<Integer> integer(String name, int defaultValue, int min, int max) {
        return new Setting<>(name, Integer.toString(defaultValue), false,
                text -> (int) inRange(name, number(name, text), min, max, ""));
    }

    static Setting<Long> millis(String name, long defaultValue, long min, long max) {
        return new Setting<>(name, Long.toString(defaultValue), false,
                text -> inRange(name, number(name, text), min, max, "milliseconds"));
    }

    static Setting<Boolean> flag(String name, boolean defaultValue) {
        return new Setting<>(name, Boolean.toString(defaultValue), false, text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + text + "'");
        });
    }

    static Setting<String> text(String name, String defaultValue) {
        return new Setting<>(name, defaultValue, false, text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return text.strip();
        });
    }

    /** Unset by default. */
    static Setting<Optional<String>> optional(String name) {
        return new Setting<>(name, "", false, Setting::present);
    }

    /** A secret, unset by default; when set, at least {@code minLength} characters. */
    static Setting<Optional<String>> secret(String name, int minLength, String hint) {
        return new Setting<>(name, "", true, text -> {
            Optional<String> value = present(text);
            if (value.isPresent() && value.get().codePointCount(0, value.get().length()) < minLength) {
                throw new IllegalArgumentException(name + " must be at least " + minLength + " characters (" + hint + ")");
            }
            return value;
        });
    }

    /** A secret of exactly {@code bytes} random bytes in base64, unset by default. */
    static Setting<Optional<String>> key(String name, int bytes) {
        return new Setting<>(name, "", true, text -> present(text).map(value -> {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " must be base64 (openssl rand -base64 " + bytes + ")");
            }
            if (key.length != bytes) {
                throw new IllegalArgumentException(name + " must be " + bytes + " bytes in base64 (openssl rand -base64 "
                        + bytes + "), not " + key.length);
            }
            return value;
        }));
    }

    /** Comma-separated, each entry stripped, empty ones left out; empty by default. */
    static Setting<List<String>> list(String name, boolean secret) {
        return new Setting<>(name, "", secret, Setting::entries);
    }

    /** One of {@code choices}, compared without case; the value is given in lower case. */
    static Setting<String> choice(String name, String defaultValue, String... choices) {
        return new Setting<>(name, defaultValue, false, text -> {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (!Arrays.asList(choices).contains(value)) {
                throw new IllegalArgumentException(name + " must be " + String.join(", ", choices) + ", not '" + text + "'");
            }
            return value;
        });
    }

    /** One of {@code choices} in lower case, or unset (its default then depends on other settings). */
    static Setting<Optional<String>> optionalChoice(String name, String... choices) {
        Setting<String> choice = choice(name, "", choices);
        return new Setting<>(name, "", false, text -> present(text).map(choice::parse));
    }

    /**
     * An absolute URL the service publishes, without a trailing slash: {@code https}, plain {@code http} only on a
     * loopback host (development); no user, query or fragment.
     */
    static Setting<String> publicUrl(String name, String defaultValue) {
        return new Setting<>(name, defaultValue, false, text -> baseUrl(name, text));
    }

    static String baseUrl(String name, String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw invalidUrl(name, value, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalidUrl(name, value, "an absolute URL with a host and without user, query or fragment is needed");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK.contains(host) || host.startsWith("127.");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw invalidUrl(name, value, "it must be https (plain http only on localhost, for development)");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static IllegalArgumentException invalidUrl(String name, String value, String why) {
        return new IllegalArgumentException(name + " '" + value + "' cannot be used: " + why);
    }

    static List<String> entries(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    private static Optional<String> present(String text) {
        return Optional.of(text.strip()).filter(value -> !value.isEmpty());
    }

    private static long number(String name, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
    }

    private static long inRange(String name, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + "–" + max + (unit.isEmpty() ? "" : " " + unit)
                    + ", not " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return name;
    }
}
