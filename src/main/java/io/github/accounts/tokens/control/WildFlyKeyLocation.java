package io.github.accounts.tokens.control;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where WildFly's MicroProfile JWT reads the keys it trusts: the node's own JWKS, at the HTTP port WildFly really
 * listens on ({@code jboss.http.port} plus {@code jboss.socket.binding.port-offset}, as WildFly computes it), so a
 * server started with a port offset verifies tokens too. SmallRye JWT reads a key file only once, so it is pointed
 * at the JWKS over HTTP, which it re-reads. Only on WildFly (where {@code jboss.home.dir} is set); elsewhere this
 * source is empty. A system property or environment variable of the same name still wins (ordinal 200).
 */
public class WildFlyKeyLocation implements ConfigSource {

    public static final String PROPERTY = "mp.jwt.verify.publickey.location";
    static final int ORDINAL = 200;

    @Override
    public Set<String> getPropertyNames() {
        return location(System.getProperties()) == null ? Set.of() : Set.of(PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
        String location = location(System.getProperties());
        return location == null ? Map.of() : Map.of(PROPERTY, location);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? location(System.getProperties()) : null;
    }

    /** The JWKS URL on this WildFly's HTTP listener, or null when not on WildFly. */
    static String location(Properties system) {
        if (system.getProperty("jboss.home.dir") == null) {
            return null;
        }
        String address = system.getProperty("jboss.bind.address", "127.0.0.1");
        String host = address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address) ? "127.0.0.1" : address;
        int port = number(system, "jboss.http.port", 8080) + number(system, "jboss.socket.binding.port-offset", 0);
        try {
            return new URI("http", null, host, port, "/.well-known/jwks.json", null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("jboss.bind.address is not a host: " + address, e);
        }
    }

    private static int number(Properties system, String name, int fallback) {
        String value = system.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value, e);
        }
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "accounts: the node's own JWKS on WildFly";
    }
}
