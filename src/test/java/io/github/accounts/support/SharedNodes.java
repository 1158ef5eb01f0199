package io.github.accounts.support;

import java.util.HashMap;
import java.util.Map;

/**
 * Nodes that the integration test classes of one failsafe run share: one per settings variant, started when a
 * class first asks for it and stopped when the test JVM ends. Tests on a shared node use addresses of their own
 * ({@link TestDatabase#uniqueEmail}), so they depend neither on each other nor on their order. A variant is named
 * once with its settings: asking for a name with other settings is a mistake in the tests, and fails.
 */
public final class SharedNodes {

    private static final Map<String, MicroServer> NODES = new HashMap<>();
    private static final Map<String, Map<String, String>> SETTINGS = new HashMap<>();

    private SharedNodes() {
    }

    /** The node of {@code variant}, started with {@code settings} the first time. */
    public static synchronized MicroServer node(String variant, Map<String, String> settings) {
        MicroServer node = NODES.get(variant);
        if (node != null) {
            if (!SETTINGS.get(variant).equals(settings)) {
                throw new IllegalStateException("the shared node '" + variant + "' runs with other settings: " + SETTINGS.get(variant));
            }
            return node;
        }
        if (NODES.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedNodes::stopAll, "shared-nodes-stop"));
        }
        node = MicroServer.fresh("shared-" + variant, settings).start();
        NODES.put(variant, node);
        SETTINGS.put(variant, Map.copyOf(settings));
        return node;
    }

    private static synchronized void stopAll() {
        NODES.values().parallelStream().forEach(MicroServer::close);
    }
}
