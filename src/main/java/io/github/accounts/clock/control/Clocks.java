package io.github.accounts.clock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one source of the current time: every time rule (lockouts, rotation windows, session lifetimes, grace
 * periods, purges) reads an injected {@link Clock}, so unit tests set a fixed or moving clock on the bean instead
 * of waiting.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
