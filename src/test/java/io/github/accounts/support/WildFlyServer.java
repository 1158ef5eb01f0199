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
 * directory (configuration copied, the WAR in its deployments) and is started as its users start several servers
 * on one host: with {@code -Djboss.socket.binding.port-offset=N}, N chosen so that every port of its socket
 * bindings is free on 127.0.0.1 (HTTP is 8080 + N).
 */
public final class WildFlyServer implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 240;
    /** The ports of standalone.xml's socket bindings (HTTP, HTTPS, AJP, management, the transaction manager's two). */
    private static final List<Integer> PORTS = List.of(8080, 8443, 8009, 9990, 9993, 4712, 4713);
    private static final java.util.Random OFFSETS = new java.util.Random();
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
        int offset = freeOffset();
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
            command.add("-Djboss.socket.binding.port-offset=" + offset);
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
        base = URI.create("http://127.0.0.1:" + (8080 + offset) + "/");
        management = URI.create("http://127.0.0.1:" + (9990 + offset) + "/");
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

    /** A port offset under which every socket binding's port is free now. */
    private static int freeOffset() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = 1000 + OFFSETS.nextInt(50_000);
            if (PORTS.stream().allMatch(port -> isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset with every WildFly port free");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
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
