package io.github.accounts.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;

/**
 * The base of the integration tests that need no settings of their own: the built WAR, deployed by Arquillian to
 * its managed Payara Micro, and an {@link Http} client for it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class DeployedWar {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war", "target/accounts.war")));
    }

    @ArquillianResource
    URL url;

    protected Http http;

    @BeforeEach
    void client() throws Exception {
        URI uri = url.toURI();
        http = new Http(new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/", null, null));
    }
}
