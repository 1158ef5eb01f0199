package io.github.accounts.users.control;

import java.text.Normalizer;

/** How free text from requests is cleaned before it is validated and stored. */
public final class Text {

    private Text() {
    }

    /** Trimmed and in Unicode NFC, so the same name typed on two keyboards is the same name; null stays null. */
    public static String normalized(String value) {
        return value == null ? null : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    /** True when the text holds a control character (C0, DEL, C1) or a line/paragraph separator. */
    public static boolean hasControlCharacters(String value) {
        return value != null && value.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    }
}
