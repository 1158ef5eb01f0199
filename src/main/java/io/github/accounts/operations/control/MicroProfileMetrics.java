package io.github.accounts.operations.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.util.function.Supplier;

/** {@link Metrics} on a server with MicroProfile Metrics: its application registry. */
@Dependent
public class MicroProfileMetrics implements Metrics.Sink {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Override
    public void count(String name, String... tags) {
        registry.counter(name, tags(tags)).inc();
    }

    @Override
    public void time(String name, Duration duration, String... tags) {
        registry.timer(name, tags(tags)).update(duration);
    }

    @Override
    public void gauge(String name, Supplier<? extends Number> value) {
        registry.gauge(name, value, Supplier::get);
    }

    static Tag[] tags(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("tags come in name, value pairs");
        }
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
        }
        return tags;
    }
}
