package io.github.accounts.oidc.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Redirect URIs are compared exactly, character for character, with one exception (RFC 8252, 7.3): a registered
 * {@code http} URI on a loopback IP literal ({@code 127.0.0.1}, {@code [::1]}) matches any port, since a native app
 * listens on whatever port it gets. Registration accepts absolute URIs without fragment; {@code http} only on loopback.
 */
public final class RedirectUris {

    static final Set<String> LOOPBACK_IPS = Set.of("127.0.0.1", "[::1]");
    static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    private RedirectUris() {
    }

    /** The registered URI that {@code presented} matches, if any. */
    public static Optional<String> match(List<String> registered, String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        return registered.stream().filter(uri -> uri.equals(presented) || loopbackMatch(uri, presented)).findFirst();
    }

    private static boolean loopbackMatch(String registered, String presented) {
        URI r = parse(registered);
        URI p = parse(presented);
        if (r == null || p == null || !"http".equals(r.getScheme()) || !"http".equals(p.getScheme())
                || r.getRawAuthority() == null || p.getRawAuthority() == null) {
            return false;
        }
        String host = r.getHost();
        return host != null && LOOPBACK_IPS.contains(host) && host.equals(p.getHost()) && r.getRawUserInfo() == null
                && p.getRawUserInfo() == null && same(r.getRawPath(), p.getRawPath()) && same(r.getRawQuery(), p.getRawQuery())
                && p.getRawFragment() == null;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** Why a URI may not be registered, or empty when it may. */
    public static Optional<String> refusal(String uri) {
        URI parsed = parse(uri);
        if (parsed == null || !parsed.isAbsolute()) {
            return Optional.of("redirect URIs must be absolute URIs");
        }
        if (parsed.getRawFragment() != null) {
            return Optional.of("redirect URIs must not have a fragment");
        }
        if (uri.contains(" ") || uri.contains("*")) {
            return Optional.of("redirect URIs must not hold spaces or wildcards");
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            String host = parsed.getHost() == null ? "" : parsed.getHost().toLowerCase(Locale.ROOT);
            if (!LOOPBACK_HOSTS.contains(host)) {
                return Optional.of("plain http redirect URIs are allowed on loopback only");
            }
        } else if (!scheme.equals("https") && !scheme.contains(".")) {
            // RFC 8252 7.1: a native app's private-use scheme is a reverse domain name
            return Optional.of("redirect URIs must be https, http on loopback, or a reverse-domain private-use scheme");
        }
        return Optional.empty();
    }

    private static URI parse(String uri) {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
