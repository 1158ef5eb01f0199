package io.github.accounts.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The built WAR, unchanged, on a WildFly of its own ({@code wildfly.home}: the distribution the {@code wildfly}
 * profile unpacked and configured with {@code src/main/wildfly/configure.cli}). Each server gets a fresh base
 * directory (configuration copied, the WAR in its deployments) and free ports for HTTP, HTTPS, AJP and management,
 * on 127.0.0.1 (set by name, not by an offset: the configuration points WildFly's MicroProfile JWT at
 * {@code jboss.http.port}). The transaction manager's two ports are fixed (4712, 4713): one server at a time.
 */
public final class WildFlyServer implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 240;
    /** The ports of WildFly's standalone.xml that can be set by a property. */
    private static final List<String> PORTS = List.of("jboss.http.port", "jboss.https.port", "jboss.ajp.port",
            "jboss.management.http.port", "jboss.management.https.port");
    private static final String STARTED = "WFLYSRV0025";
    private static final String STARTED_WITH_ERRORS = "WFLYSRV0026";

    private final String name;
    private final Map<String, String> env;
    private final Path log;
    private Process process;
    private URI base;
    private URI management;

    private WildFlyServer(String name, Map<String, String> env) {
        this.name = name;
        this.env = env;
        this.log = Path.of("target", "wildfly-" + name + ".log");
    }

    /** A server with a fresh data directory and the integration tests' database; {@code extraEnv} adds settings. */
    public static WildFlyServer fresh(String name, Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(TestDatabase.env());
        env.put("DATA_DIR", TestDatabase.newDataDir("wildfly-" + name).toString());
        env.put("REGISTER_IP_LIMIT", "1000000");
        env.put("LOGIN_IP_MAX_FAILURES", "1000000");
        env.putAll(extraEnv);
        return new WildFlyServer(name, env);
    }

    public WildFlyServer start() {
        Path home = Path.of(System.getProperty("wildfly.home", "target/wildfly/wildfly")).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("no WildFly at " + home + ": run the tests with mvn -Pwildfly verify");
        }
        Path war = Path.of(System.getProperty("it.war", "target/accounts.war")).toAbsolutePath();
        Map<String, Integer> ports = new java.util.HashMap<>();
        PORTS.forEach(port -> ports.put(port, freePort()));
        try {
            Path serverBase = TestDatabase.newDataDir("wildfly-base-" + name);
            copyTree(home.resolve("standalone/configuration"), serverBase.resolve("configuration"));
            Files.createDirectories(serverBase.resolve("deployments"));
            Files.copy(war, serverBase.resolve("deployments/accounts.war"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(log.getParent());
            List<String> command = new java.util.ArrayList<>(List.of("sh", home.resolve("bin/standalone.sh").toString(),
                    "-Djboss.server.base.dir=" + serverBase,
                    "-Djboss.bind.address=127.0.0.1",
                    "-Djboss.bind.address.management=127.0.0.1"));
            ports.forEach((property, port) -> command.add("-D" + property + "=" + port));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean clean = new AtomicBoolean();
        Process started = process;
        Thread pump = new Thread(() -> pump(started, done, clean), "wildfly-" + name + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!done.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !clean.get() || !process.isAlive()) {
                throw new IllegalStateException("WildFly '" + name + "' did not start with the WAR deployed; see "
                        + log.toAbsolutePath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        base = URI.create("http://127.0.0.1:" + ports.get("jboss.http.port") + "/");
        management = URI.create("http://127.0.0.1:" + ports.get("jboss.management.http.port") + "/");
        return this;
    }

    private void pump(Process source, CountDownLatch done, AtomicBoolean clean) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING), true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                if (line.contains(STARTED)) {
                    clean.set(true);
                    done.countDown();
                } else if (line.contains(STARTED_WITH_ERRORS)) {
                    done.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended; start() notices
        } finally {
            done.countDown();
        }
    }

    /** The service's API and page. */
    public Http http() {
        return new Http(base);
    }

    /** WildFly's management port, where it serves MicroProfile Health. */
    public Http management() {
        return new Http(management);
    }

    public Path log() {
        return log;
    }

    /** Stops the server (the JVM that standalone.sh started, then the script) and waits until it is gone. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
