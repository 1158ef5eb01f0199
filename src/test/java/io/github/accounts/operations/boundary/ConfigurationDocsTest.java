package io.github.accounts.operations.boundary;

import io.github.accounts.settings.control.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The configuration table of docs/configuration.md documents exactly the settings {@link Settings} declares, each
 * with its default; and nothing in the code reads configuration around {@link Settings}.
 */
class ConfigurationDocsTest {

    /** A table row: the setting in backticks, then its default cell, e.g. {@code | `DB_URL` | unset: … |}. */
    static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| ([^|]*) \\|");
    /** A default cell's value: its first backticked word, or "unset". */
    static final Pattern DEFAULT = Pattern.compile("^(?:`([^`]*)`|(unset))");

    static Map<String, String> documented() throws Exception {
        String docs = Files.readString(Path.of("docs", "configuration.md"));
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(docs);
        while (row.find()) {
            Matcher value = DEFAULT.matcher(row.group(2).strip());
            documented.put(row.group(1), !value.find() ? "?" : value.group(1) != null ? value.group(1) : "");
        }
        return documented;
    }

    @Test
    void theConfigurationTableDocumentsExactlyTheSettingsWithTheirDefaults() throws Exception {
        Map<String, String> declared = new TreeMap<>(Settings.defaults());
        declared.put("JWT_ISSUER", "PUBLIC_URL"); // unset, it follows PUBLIC_URL: the table says so
        assertEquals(declared, documented());
    }

    @Test
    void onlySettingsReadsConfiguration() throws Exception {
        Pattern read = Pattern.compile("@ConfigProperty\\(|ConfigProvider\\.getConfig\\(");
        Set<String> readers = new TreeSet<>();
        try (var files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (read.matcher(Files.readString(file)).find()) {
                    readers.add(file.getFileName().toString());
                }
            }
        }
        // the data source and Hibernate's defaults are made by the server before the application's beans exist
        assertEquals(Set.of("Settings.java", "ConfiguredDataSource.java", "HibernateDefaults.java"), readers);
    }
}
