package io.github.accounts.web.control;

import io.github.accounts.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's address for throttling and audit: the peer's address, or, when the peer is one of
 * {@code TRUSTED_PROXIES} (addresses or CIDR ranges), the nearest untrusted address in {@code X-Forwarded-For}.
 * Per-address limits count an IPv6 client by its network of {@code IPV6_PREFIX_LENGTH} bits (one /64 is what a
 * single subscriber gets), an IPv4 client by its address.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    Settings settings;

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    int ipv6PrefixLength;

    private List<Range> trusted = List.of();

    @PostConstruct
    void init() {
        ipv6PrefixLength = settings.get(Settings.IPV6_PREFIX_LENGTH);
        trusted = parse(String.join(",", settings.get(Settings.TRUSTED_PROXIES)));
    }

    /** How many address ranges {@code TRUSTED_PROXIES} names (each checked when this is created). */
    public int trustedRanges() {
        return trusted.size();
    }

    /** The client as the per-address limits count it: an IPv6 address as its network, an IPv4 one as itself. */
    public String limitedAs(String address) {
        return networkOf(address, ipv6PrefixLength);
    }

    /**
     * {@code 2001:db8:0:1:0:0:0:0/64} for any address of that /64 (with {@code bits} 64); an IPv4 address (also one
     * mapped into IPv6), or anything that is not an IP literal, as it is.
     */
    static String networkOf(String address, int bits) {
        Optional<byte[]> bytes = bytesOf(address);
        if (bytes.isEmpty() || bytes.get().length == 4) {
            return bytes.map(b -> addressOf(b)).orElse(address);
        }
        byte[] network = bytes.get();
        for (int bit = bits; bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return addressOf(network) + "/" + bits;
    }

    private static String addressOf(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<Range> parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String value = entry.strip();
            if (!value.isEmpty()) {
                ranges.add(Range.of(value).orElseThrow(() -> new IllegalStateException(
                        "TRUSTED_PROXIES must list IP addresses or CIDR ranges, not '" + value + "'")));
            }
        }
        return List.copyOf(ranges);
    }

    public String of(HttpServletRequest request) {
        return clientOf(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    public String clientOf(String peer, String forwardedFor) {
        return resolve(trusted, peer, forwardedFor);
    }

    static String resolve(List<Range> trusted, String peer, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(trusted, peer)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                return peer;
            }
            if (!isTrusted(trusted, hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    private static boolean isTrusted(List<Range> trusted, String address) {
        Optional<byte[]> bytes = bytesOf(address);
        return bytes.isPresent() && trusted.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    static Optional<byte[]> bytesOf(String literal) {
        if (literal == null || !IP_LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address range: a network address and the number of leading bits that must match. */
    record Range(byte[] network, int bits) {

        static Optional<Range> of(String cidr) {
            String[] parts = cidr.split("/", 2);
            Optional<byte[]> address = bytesOf(parts[0]);
            if (address.isEmpty()) {
                return Optional.empty();
            }
            int max = address.get().length * 8;
            try {
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
                return bits < 0 || bits > max ? Optional.empty() : Optional.of(new Range(address.get(), bits));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
