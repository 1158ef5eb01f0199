package io.github.accounts.operations.boundary;

import io.github.accounts.settings.control.Settings;
import io.github.accounts.tokens.control.IntrospectionClients;
import io.github.accounts.web.control.ClientAddresses;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * At deployment: every setting checked (a value that cannot be used stops the start, see {@link Settings}), the
 * settings that need parsing beyond their own rule (proxy ranges, introspection clients) parsed, and one log line
 * with the effective value of every setting, secrets masked.
 */
@Singleton
@Startup
public class EffectiveConfiguration {

    private static final Logger LOG = Logger.getLogger(EffectiveConfiguration.class.getName());

    @Inject
    Settings settings;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    IntrospectionClients introspectionClients;

    @PostConstruct
    void check() {
        String shown = "configuration: " + settings.shown() + "; trusted proxy ranges: " + clientAddresses.trustedRanges()
                + ", introspection clients: " + introspectionClients.ids();
        LOG.info(shown);
    }
}
