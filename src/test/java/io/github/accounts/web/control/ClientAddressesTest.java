package io.github.accounts.web.control;

import java.util.Map;
import io.github.accounts.settings.control.Settings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAddressesTest {

    static final List<ClientAddresses.Range> PROXIES = ClientAddresses.parse("10.0.0.0/8, 192.168.1.5, 2001:db8::/32");

    @Test
    void withoutTrustedProxiesForwardedForIsIgnored() {
        assertEquals("203.0.113.9", ClientAddresses.resolve(List.of(), "203.0.113.9", "198.51.100.1"));
        assertEquals("203.0.113.9", ClientAddresses.resolve(PROXIES, "203.0.113.9", "198.51.100.1"));
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        assertEquals("198.51.100.1", ClientAddresses.resolve(PROXIES, "10.1.2.3", "198.51.100.1"));
        assertEquals("198.51.100.1", ClientAddresses.resolve(PROXIES, "10.1.2.3", "6.6.6.6, 198.51.100.1, 192.168.1.5"));
        assertEquals("2001:db9::1", ClientAddresses.resolve(PROXIES, "2001:db8::7", "2001:db9::1"));
    }

    @Test
    void garbageInForwardedForFallsBackToThePeer() {
        assertEquals("10.1.2.3", ClientAddresses.resolve(PROXIES, "10.1.2.3", "evil.example.com"));
        assertEquals("10.1.2.3", ClientAddresses.resolve(PROXIES, "10.1.2.3", null));
    }

    @Test
    void aBadSettingStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> ClientAddresses.parse("10.0.0.0/33"));
        assertThrows(IllegalStateException.class, () -> ClientAddresses.parse("proxy.example.com"));
    }

    @Test
    void anIpv6ClientIsLimitedAsItsNetworkAndAnIpv4ClientAsItself() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddresses.networkOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 64));
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddresses.networkOf("2001:db8:1:2::1", 64));
        assertEquals("2001:db8:1:0:0:0:0:0/56", ClientAddresses.networkOf("2001:db8:1:ff::1", 56));
        assertEquals("2001:db8:1:2:0:0:0:1/128", ClientAddresses.networkOf("2001:db8:1:2::1", 128));
        assertEquals("8000:0:0:0:0:0:0:0/1", ClientAddresses.networkOf("ffff::1", 1));
        assertEquals("198.51.100.7", ClientAddresses.networkOf("198.51.100.7", 64));
        assertEquals("198.51.100.7", ClientAddresses.networkOf("::ffff:198.51.100.7", 64), "an IPv4 address mapped into IPv6");
        assertEquals("not-an-address", ClientAddresses.networkOf("not-an-address", 64));
    }

    @Test
    void thePrefixLengthMustBeOneTo128() {
        ClientAddresses addresses = new ClientAddresses();
        assertThrows(IllegalStateException.class, () -> Settings.of(Map.of("IPV6_PREFIX_LENGTH", "0")));
        assertThrows(IllegalStateException.class, () -> Settings.of(Map.of("IPV6_PREFIX_LENGTH", "129")));
        addresses.settings = Settings.of(Map.of("IPV6_PREFIX_LENGTH", "48"));
        addresses.init();
        assertEquals("2001:db8:1:0:0:0:0:0/48", addresses.limitedAs("2001:db8:1:2::9"));
    }
}
