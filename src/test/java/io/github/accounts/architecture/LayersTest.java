package io.github.accounts.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The layout's rules, read from the sources: every class lives in a feature's boundary, control or entity package
 * (or is one of the few application classes at the top); a control or an entity never uses a boundary, and an
 * entity never uses a control, so a request's path reads top-down.
 */
class LayersTest {

    static final Path SOURCES = Path.of("src/main/java/io/github/accounts");
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.github\\.accounts\\.(\\w+)\\.(boundary|control|entity)\\.", Pattern.MULTILINE);

    record Source(Path path, String layer, String text) {
    }

    static List<Source> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                Path relative = SOURCES.relativize(p);
                String layer = relative.getNameCount() == 3 ? relative.getName(1).toString() : "application";
                try {
                    return new Source(relative, layer, Files.readString(p));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void everyClassIsInAFeaturesBoundaryControlOrEntityOrAtTheTop() throws IOException {
        List<String> misplaced = sources().stream()
                .filter(s -> !List.of("boundary", "control", "entity", "application").contains(s.layer())
                        || s.layer().equals("application") && s.path().getNameCount() != 1)
                .map(s -> s.path().toString()).toList();
        assertEquals(List.of(), misplaced);
    }

    @Test
    void noControlOrEntityUsesABoundaryAndNoEntityAControl() throws IOException {
        List<Source> sources = sources();
        assertFalse(sources.isEmpty(), "no sources found under " + SOURCES.toAbsolutePath());
        List<String> violations = sources.stream()
                .filter(s -> s.layer().equals("control") || s.layer().equals("entity"))
                .flatMap(s -> {
                    Matcher imports = IMPORT.matcher(s.text());
                    Stream.Builder<String> found = Stream.builder();
                    while (imports.find()) {
                        String used = imports.group(2);
                        if (used.equals("boundary") || s.layer().equals("entity") && used.equals("control")) {
                            found.add(s.path() + " uses " + imports.group(1) + "." + used);
                        }
                    }
                    return found.build();
                }).toList();
        assertEquals(List.of(), violations);
    }
}
