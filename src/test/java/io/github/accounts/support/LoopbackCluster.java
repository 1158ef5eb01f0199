package io.github.accounts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A Payara data grid on the loopback address for the nodes of one test: Hazelcast TCP discovery among a fixed list
 * of ports (no multicast), under a cluster name of its own, so no other process can join.
 */
public record LoopbackCluster(String name, List<Integer> ports) {

    public static LoopbackCluster of(int members) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            ports.add(freePort());
        }
        return new LoopbackCluster("accounts-it-" + UUID.randomUUID(), List.copyOf(ports));
    }

    /** Payara Micro's options for member {@code index} (0-based). */
    List<String> options(int index) {
        String members = ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        return List.of("--clustermode", "tcpip:" + members, "--clustername", name,
                "--startport", String.valueOf(ports.get(index)), "--interfaces", "127.0.0.1");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
