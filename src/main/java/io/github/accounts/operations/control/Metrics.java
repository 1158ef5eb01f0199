package io.github.accounts.operations.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The service's own metrics ({@code accounts_*} at {@code /metrics}) in the server's MicroProfile Metrics registry.
 * On a server without MicroProfile Metrics (WildFly, which went over to Micrometer) nothing is recorded and
 * nothing fails: the MicroProfile API is touched only by {@link MicroProfileMetrics}, a bean that CDI leaves out
 * where the API's classes are missing, so the sink here is then nowhere.
 */
@ApplicationScoped
public class Metrics {

    private static final Logger LOG = Logger.getLogger(Metrics.class.getName());

    /** Where the figures go. */
    public interface Sink {
        void count(String name, String... tags);

        void time(String name, Duration duration, String... tags);

        void gauge(String name, Supplier<? extends Number> value);
    }

    static final Sink NOWHERE = new Sink() {
        @Override
        public void count(String name, String... tags) {
        }

        @Override
        public void time(String name, Duration duration, String... tags) {
        }

        @Override
        public void gauge(String name, Supplier<? extends Number> value) {
        }
    };

    @Inject
    Instance<Sink> sinks;

    private Sink sink = NOWHERE;

    @PostConstruct
    void start() {
        if (sinks.isResolvable()) {
            sink = sinks.get();
        } else {
            LOG.info("this server has no MicroProfile Metrics: the service's own metrics are not recorded");
        }
    }

    /** Adds one to a counter; {@code tags} are name, value, name, value… */
    public void count(String name, String... tags) {
        sink.count(name, tags);
    }

    /** Records a duration in a timer; {@code tags} are name, value, name, value… */
    public void time(String name, Duration duration, String... tags) {
        sink.time(name, duration, tags);
    }

    /** A gauge reading {@code value} whenever the metrics are scraped. */
    public void gauge(String name, Supplier<? extends Number> value) {
        sink.gauge(name, value);
    }
}
