package io.github.accounts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own, on its own port and data directory, that the test can kill and start
 * again: the database outage a node must survive. Uses the machine's MariaDB binaries (mariadb-install-db, mariadbd).
 */
public final class MariaDbServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    private MariaDbServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static MariaDbServer install(String name) {
        Path dir = Path.of("target", "mariadb-" + name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=" + System.getProperty("user.name"),
                "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"));
        return new MariaDbServer(dir, freePort());
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    public MariaDbServer start() {
        try {
            process = new ProcessBuilder("mariadbd", "--no-defaults", "--datadir=" + dir.resolve("data"),
                    "--user=" + System.getProperty("user.name"), "--port=" + port, "--bind-address=127.0.0.1",
                    "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                    "--skip-log-bin", "--innodb-buffer-pool-size=32M")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitPort(true);
        return this;
    }

    /** SIGSTOP: the server still holds its connections but answers nothing, as a database that hangs. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT: a frozen server goes on where it stopped. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        run(List.of("kill", "-" + name, String.valueOf(process.pid())), dir.resolve("kill.log"));
    }

    /** SIGKILL: the database vanishes as in a crash or a network cut. */
    public void kill() {
        if (process != null) {
            try {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            awaitPort(false);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitPort(boolean open) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (accepts() == open) {
                return;
            }
            if (open && !process.isAlive()) {
                throw new IllegalStateException("mariadbd exited; see " + dir.resolve("server.log"));
            }
            Thread.onSpinWait();
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("mariadbd port " + port + " did not " + (open ? "open" : "close") + "; see " + dir.resolve("server.log"));
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process install = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
