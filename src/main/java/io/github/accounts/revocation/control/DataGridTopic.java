package io.github.accounts.revocation.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A topic on Payara's data grid (its embedded Hazelcast, found under {@code payara/Hazelcast}): what one node
 * publishes, every node of the cluster hears, itself included. A Payara Micro started with {@code --nocluster}
 * still runs a grid, of one member; on another server {@link #join} finds none and nothing of Hazelcast is touched.
 */
public final class DataGridTopic implements AutoCloseable {

    static final String JNDI_NAME = "payara/Hazelcast";

    private final HazelcastInstance grid;
    private final ITopic<String> topic;
    private final UUID listener;

    private DataGridTopic(HazelcastInstance grid, String name, Consumer<String> onMessage) {
        this.grid = grid;
        this.topic = grid.getTopic(name);
        this.listener = topic.addMessageListener(message -> onMessage.accept(message.getMessageObject()));
    }

    /** Listens on the topic {@code name} of the server's running data grid, if it has one. */
    public static Optional<DataGridTopic> join(String name, Consumer<String> onMessage) {
        Object found;
        try {
            found = InitialContext.doLookup(JNDI_NAME);
        } catch (NamingException | RuntimeException e) {
            return Optional.empty();
        }
        if (found instanceof HazelcastInstance grid && grid.getLifecycleService().isRunning()) {
            return Optional.of(new DataGridTopic(grid, name, onMessage));
        }
        return Optional.empty();
    }


    public void publish(String message) {
        topic.publish(message);
    }

    public boolean isRunning() {
        return grid.getLifecycleService().isRunning();
    }

    /** The cluster's name and its members, for the startup log. */
    public String describe() {
        return "'" + grid.getConfig().getClusterName() + "' with " + members() + " member(s)";
    }

    public int members() {
        return grid.getCluster().getMembers().size();
    }

    @Override
    public void close() {
        if (isRunning()) {
            topic.removeMessageListener(listener);
        }
    }
}
