package io.github.accounts.mail.control;

import java.util.List;

/**
 * A mail's content, written once and rendered twice: as plain text and as HTML (inline styles only, no images,
 * no remote content, no tracking). Every piece of text is escaped in the HTML.
 */
public record Letter(String subject, List<String> paragraphs, String link, String linkLabel, String code) {

    public String text() {
        StringBuilder text = new StringBuilder();
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
        }
        if (link != null) {
            text.append(linkLabel).append(":\n").append(link).append("\n\n");
        }
        if (code != null) {
            text.append(code).append("\n");
        }
        return text.toString();
    }

    public String html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject)).append("</title></head><body style=\"font-family:sans-serif;line-height:1.5\">");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        if (link != null) {
            html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(linkLabel)).append("</a></p>");
        }
        if (code != null) {
            html.append("<p style=\"font-size:1.5em;letter-spacing:0.2em\"><strong>").append(escape(code)).append("</strong></p>");
        }
        return html.append("</body></html>").toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
