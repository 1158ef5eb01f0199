package io.github.accounts.tokens.control;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WildFlyKeyLocationTest {

    @Test
    void elsewhereThanOnWildFlyItSaysNothing() {
        assertNull(WildFlyKeyLocation.location(properties()));
        assertNull(new WildFlyKeyLocation().getValue("unrelated"));
    }

    @Test
    void theDefaultPortOnLoopback() {
        assertEquals("http://127.0.0.1:8080/.well-known/jwks.json", WildFlyKeyLocation.location(properties("jboss.home.dir", "/opt/wildfly")));
    }

    @Test
    void thePortOffsetMovesTheLocationAsItMovesTheListener() {
        assertEquals("http://127.0.0.1:9180/.well-known/jwks.json", WildFlyKeyLocation.location(properties("jboss.home.dir", "/opt/wildfly",
                "jboss.socket.binding.port-offset", "1100")));
        assertEquals("http://10.0.0.7:8200/.well-known/jwks.json", WildFlyKeyLocation.location(properties("jboss.home.dir", "/opt/wildfly",
                "jboss.bind.address", "10.0.0.7", "jboss.http.port", "8100", "jboss.socket.binding.port-offset", "100")));
    }

    @Test
    void everyAddressIsAskedOnLoopbackAndAnIpv6AddressInBrackets() {
        assertEquals("http://127.0.0.1:8080/.well-known/jwks.json", WildFlyKeyLocation.location(properties("jboss.home.dir", "/w", "jboss.bind.address", "0.0.0.0")));
        assertEquals("http://[::1]:8080/.well-known/jwks.json", WildFlyKeyLocation.location(properties("jboss.home.dir", "/w", "jboss.bind.address", "::1")));
    }

    @Test
    void aPortThatIsNoNumberIsNamed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WildFlyKeyLocation.location(properties("jboss.home.dir", "/w", "jboss.socket.binding.port-offset", "ten")));
        assertEquals("jboss.socket.binding.port-offset is not a number: ten", refused.getMessage());
    }

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }
}
