package io.github.accounts.mail.control;

import java.util.List;
import java.util.Locale;

/** The language of a user's mails and pages: Korean or English, the first of the two the client asks for. */
public final class Languages {

    public static final String KOREAN = "ko";
    public static final String ENGLISH = "en";
    public static final List<String> SUPPORTED = List.of(KOREAN, ENGLISH);

    private Languages() {
    }

    /** From an {@code Accept-Language} header: the supported language with the highest weight, English by default. */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                for (String language : SUPPORTED) {
                    if (tag.equals(language) || tag.startsWith(language + "-")) {
                        return language;
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        return ENGLISH;
    }

    /** A stored language, or English for anything else. */
    public static String known(String language) {
        return language != null && SUPPORTED.contains(language) ? language : ENGLISH;
    }
}
