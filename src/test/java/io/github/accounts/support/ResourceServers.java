package io.github.accounts.support;

import io.github.accounts.resourceserver.GreetingsResource;
import io.github.accounts.resourceserver.ResourceServerApplication;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A resource server of another team: a WAR of its own that trusts our tokens through MicroProfile JWT alone (our
 * JWKS over HTTP, our issuer, its audience). It is deployed on the service's Payara Micro, at {@link #CONTEXT_ROOT}
 * (one boot instead of two): its MicroProfile JWT settings are its own, and it reads our keys only from the
 * published JWKS, as it would on a server of its own.
 */
public final class ResourceServers {

    public static final String CONTEXT_ROOT = "/orders";
    /** The resource server's endpoint for users (role {@code user}), on the node it is deployed on. */
    public static final String GREETINGS = CONTEXT_ROOT + "/api/greetings";
    /** Its endpoint for admins (role {@code admin}). */
    public static final String ADMIN_GREETINGS = GREETINGS + "/admin";

    private ResourceServers() {
    }

    /**
     * The service node {@code service}, on a port chosen now, with a resource server beside it that trusts the
     * tokens of {@code issuer} for {@code audience} through the service's published JWKS.
     */
    public static MicroServer beside(MicroServer service, String issuer, String audience) {
        int port = MicroServer.freePort();
        URI jwks = URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json");
        Path war = Path.of("target", "resource-server-" + UUID.randomUUID() + ".war").toAbsolutePath();
        ShrinkWrap.create(WebArchive.class, "orders.war")
                .addClasses(ResourceServerApplication.class, GreetingsResource.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset("mp.jwt.verify.publickey.location=" + jwks
                        + "\nmp.jwt.verify.issuer=" + issuer + "\nmp.jwt.verify.audiences=" + audience + "\n"),
                        "META-INF/microprofile-config.properties")
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        return service.onPort(port).alongside(war, CONTEXT_ROOT);
    }
}
