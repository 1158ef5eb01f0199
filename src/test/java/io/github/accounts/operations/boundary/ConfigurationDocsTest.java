package io.github.accounts.operations.boundary;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every setting the service reads is in the configuration table of docs/configuration.md, and nothing else is. */
class ConfigurationDocsTest {

    /** A table row's first cell: one or more settings in backticks, e.g. {@code | `DB_URL` |}. */
    static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\|");

    @Test
    void theConfigurationTableDocumentsExactlyTheSettings() throws Exception {
        String docs = Files.readString(Path.of("docs", "configuration.md"));
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(docs);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertEquals(new TreeSet<>(EffectiveConfiguration.SETTINGS), documented);
    }

    @Test
    void everySettingTheCodeReadsIsListedForTheStartupLog() throws Exception {
        Pattern read = Pattern.compile("ConfigProperty\\(name = \"([A-Z0-9_]+)\"");
        Set<String> names = new TreeSet<>();
        try (var files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = read.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        Set<String> listed = new TreeSet<>(EffectiveConfiguration.SETTINGS);
        names.removeAll(listed);
        assertEquals(Set.of(), names, "read by the code but missing from EffectiveConfiguration.SETTINGS (and so from the docs)");
    }
}
