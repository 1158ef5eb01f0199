package io.github.accounts.relyingparty;

import com.nimbusds.jose.JWSObject;
import io.github.accounts.support.MicroServer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applications of other teams that sign their users in through the service with Jakarta Security's OpenID Connect
 * mechanism ({@link RelyingPartySettings}), each a WAR of its own, all on one Payara Micro of their own.
 */
final class RelyingParties {

    /** One application: its context root (and WAR name) and the client the service registered for it. */
    record App(String name, String clientId, String clientSecret) {
    }

    private RelyingParties() {
    }

    static MicroServer start(int port, String provider, List<App> apps) {
        Path directory = Path.of("target", "relying-parties-" + UUID.randomUUID()).toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Path> wars = apps.stream().map(app -> war(directory, provider, app)).toList();
        return MicroServer.deployAll("relying-parties", wars, Map.of()).onPort(port)
                .start("/" + apps.get(0).name() + "/signed-out", 200);
    }

    private static Path war(Path directory, String provider, App app) {
        Path war = directory.resolve(app.name() + ".war");
        ShrinkWrap.create(WebArchive.class, app.name() + ".war")
                .addClasses(RelyingPartySettings.class, SignedInSessions.class, ProtectedPage.class, Callback.class,
                        LogoutPage.class, SignedOutPage.class, BackChannelLogoutReceiver.class)
                .addAsLibrary(nimbusJoseJar())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset("relying-party.provider=" + provider
                                + "\nrelying-party.client-id=" + app.clientId()
                                + "\nrelying-party.client-secret=" + app.clientSecret() + "\n"),
                        "META-INF/microprofile-config.properties")
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    /** Nimbus JOSE+JWT as the tests have it: the receiver of logout tokens verifies them with it. */
    private static File nimbusJoseJar() {
        try {
            return new File(JWSObject.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
