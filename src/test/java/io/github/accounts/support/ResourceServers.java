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
import java.util.Map;
import java.util.UUID;

/**
 * A resource server of another team: a WAR of its own that trusts our tokens through MicroProfile JWT alone (our
 * JWKS, our issuer, its audience), on a Payara Micro of its own.
 */
public final class ResourceServers {

    private ResourceServers() {
    }

    public static MicroServer start(String name, URI jwks, String issuer, String audience) {
        Path war = Path.of("target", name + "-" + UUID.randomUUID() + ".war").toAbsolutePath();
        ShrinkWrap.create(WebArchive.class, "orders.war")
                .addClasses(ResourceServerApplication.class, GreetingsResource.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset("mp.jwt.verify.publickey.location=" + jwks
                        + "\nmp.jwt.verify.issuer=" + issuer + "\nmp.jwt.verify.audiences=" + audience + "\n"),
                        "META-INF/microprofile-config.properties")
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        return MicroServer.deploy(name, war, Map.of()).start("/api/greetings", 401);
    }
}
