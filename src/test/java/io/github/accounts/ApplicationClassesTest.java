package io.github.accounts;

import io.github.accounts.users.boundary.FlaskRoutesResource;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two JAX-RS applications list their classes: none may be forgotten, none served twice. */
class ApplicationClassesTest {

    static Set<String> annotatedClasses() throws IOException {
        java.nio.file.Path root = Paths.get("target", "classes");
        Set<String> found = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, ApplicationClassesTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class) || type.isAnnotationPresent(Provider.class)) {
                        found.add(name);
                    }
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    // a class of a server-only API (e.g. Hazelcast's), not a JAX-RS component
                }
            }
        }
        return found;
    }

    @Test
    void everyResourceAndProviderIsRegistered() throws IOException {
        Set<String> registered = new TreeSet<>();
        new AccountsApplication().getClasses().forEach(c -> registered.add(c.getName()));
        new FlaskRoutesApplication().getClasses().forEach(c -> registered.add(c.getName()));
        assertEquals(annotatedClasses(), registered);
    }

    @Test
    void theFlaskRoutesAreNotAlsoUnderApi() {
        assertTrue(!new AccountsApplication().getClasses().contains(FlaskRoutesResource.class));
        Set<Class<?>> flask = new HashSet<>(new FlaskRoutesApplication().getClasses());
        flask.removeAll(AccountsApplication.PROVIDERS);
        assertEquals(Set.of(FlaskRoutesResource.class), flask);
    }
}
