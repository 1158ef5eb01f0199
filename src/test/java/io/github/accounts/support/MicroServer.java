package io.github.accounts.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR on its own Payara Micro process, for the tests that must restart, kill or configure a node
 * in ways a shared Arquillian container cannot (a restart keeping the data directory, a signing key in the
 * environment). The database is the one the integration tests run against (embedded unless {@code it.db.url}).
 */
public final class MicroServer implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 180;

    private final String name;
    private final List<Path> wars;
    private final Map<String, String> env;
    private final Path log;
    private final List<String> besides = new ArrayList<>();
    private List<String> clusterOptions = List.of("--nocluster");
    private int port;
    private Process process;
    private URI base;

    private MicroServer(String name, List<Path> wars, Map<String, String> env) {
        this.name = name;
        this.wars = List.copyOf(wars);
        this.env = env;
        this.log = Path.of("target", "micro-" + name + ".log");
    }

    private MicroServer(String name, Map<String, String> env) {
        this(name, List.of(Path.of(System.getProperty("it.war", "target/accounts.war"))), env);
    }

    /** Another WAR (such as a resource server of the SSO test) on a Payara Micro of its own, at the context root. */
    public static MicroServer deploy(String name, Path war, Map<String, String> env) {
        return new MicroServer(name, List.of(war), env);
    }

    /**
     * Several WARs (such as the relying parties of the OpenID Connect browser test) on one Payara Micro, each at the
     * context root of its file's name ({@code app-a.war} at {@code /app-a}): one boot instead of one per WAR.
     */
    public static MicroServer deployAll(String name, List<Path> wars, Map<String, String> env) {
        return new MicroServer(name, wars, env);
    }

    /** A node with a fresh data directory and the test database; {@code extraEnv} adds or overrides settings. */
    /** In a setting's value, replaced by the port the node listens on. */
    public static final String PORT = "{port}";

    public static MicroServer fresh(String name, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(TestDatabase.env());
        // every node of the test run shares the loopback address: per-address limits are tested on their own
        env.put("REGISTER_IP_LIMIT", "1000000");
        env.put("LOGIN_IP_MAX_FAILURES", "1000000");
        env.put("PASSWORD_RESET_IP_LIMIT", "1000000");
        // nodes of the test run share two cores with each other (several at once start or hash): a login waits
        // longer for a core here than the production default before it is answered 503
        env.put("PASSWORD_HASH_WAIT_MILLIS", "10000");
        env.put("DATA_DIR", TestDatabase.newDataDir(name).toString());
        env.putAll(extraEnv);
        return new MicroServer(name, env);
    }

    /**
     * Deploys {@code war} on this node too, at {@code contextRoot} beside the first WAR (such as a resource server
     * beside the service: one boot instead of two).
     */
    public MicroServer alongside(Path war, String contextRoot) {
        besides.add(war + ":" + contextRoot);
        return this;
    }

    /** Makes this node member {@code index} of a data grid on loopback, instead of starting it with {@code --nocluster}. */
    public MicroServer joining(LoopbackCluster cluster, int index) {
        clusterOptions = cluster.options(index);
        return this;
    }

    public MicroServer start() {
        return start("/api/users/me", 401);
    }

    /**
     * Makes the node listen on {@code port} (from {@link #freePort()}) instead of a port found when it starts: for a
     * test that must name the node's address before it starts (a client registration's redirect URI).
     */
    public MicroServer onPort(int port) {
        this.port = port;
        return this;
    }

    /** Starts the node and waits until it is up and {@code probe} answers {@code expected}: the WAR is deployed. */
    public MicroServer start(String probe, int expected) {
        int port = this.port == 0 ? freePort() : this.port;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // the test nodes' JVM flags, defined once in the pom (it.node.jvm); none when a test is started outside Maven
        String jvmFlags = System.getProperty("it.node.jvm", "").trim();
        if (!jvmFlags.isEmpty()) {
            command.addAll(List.of(jvmFlags.split("\\s+")));
        }
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar")));
        wars.forEach(war -> command.addAll(List.of("--deploy", war.toString())));
        if (wars.size() == 1) {
            command.addAll(List.of("--contextroot", "/"));
        }
        besides.forEach(war -> command.addAll(List.of("--deploy", war)));
        command.addAll(List.of("--port", String.valueOf(port), "--disablephonehome",
                "--prebootcommandfile", System.getProperty("payara.preboot", "src/main/payara/preboot.asadmin")));
        command.addAll(clusterOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // a setting that names the node's own address (WEBAUTHN_ORIGINS) writes the port, known only now, as {port}
        env.forEach((key, value) -> builder.environment().put(key, value.replace(PORT, String.valueOf(port))));
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        Thread pump = new Thread(() -> pump(started, ready), "micro-" + name + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!ready.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !process.isAlive()) {
                throw new IllegalStateException("Payara Micro '" + name + "' did not start; see " + log.toAbsolutePath());
            }
            base = URI.create("http://127.0.0.1:" + port + "/");
            int answer = new Http(base).send(new Http(base).request(probe).GET().build()).status();
            if (answer != expected) {
                throw new IllegalStateException("the WAR did not deploy on '" + name + "' (GET " + probe + " gave "
                        + answer + "); see " + log.toAbsolutePath());
            }
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            // the caller never gets this node to close: stop it here
            kill();
            throw e;
        }
    }

    private void pump(Process source, CountDownLatch ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING), true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                if (line.contains("Payara Micro") && line.contains("ready in")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended; start() notices
        } finally {
            ready.countDown();
        }
    }

    public Path log() {
        return log;
    }

    /** What the node has logged so far. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit lines the node has logged so far about the user {@code userId}, as JSON. */
    public List<JsonObject> auditOf(long userId) {
        return logLines().stream()
                .filter(l -> l.contains("{\"audit\":"))
                .map(l -> l.substring(l.indexOf("{\"audit\":"), l.lastIndexOf('}') + 1))
                .map(json -> Json.createReader(new StringReader(json)).readObject())
                .filter(json -> json.containsKey("user_id") && json.getJsonNumber("user_id").longValue() == userId)
                .toList();
    }

    public Http http() {
        return new Http(base);
    }

    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** A new node on the same data directory and database: the restart of this one, maybe with other settings. */
    public MicroServer sameData(String newName, Map<String, String> changedEnv) {
        Map<String, String> newEnv = new HashMap<>(env);
        newEnv.putAll(changedEnv);
        MicroServer restarted = new MicroServer(newName, wars, newEnv);
        restarted.besides.addAll(besides);
        return restarted;
    }

    /** Kills the node at once (SIGKILL), as a crash or an OOM killer would, and waits until it is gone. */
    public void kill() {
        if (process != null) {
            try {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the node and waits until the process is gone. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
