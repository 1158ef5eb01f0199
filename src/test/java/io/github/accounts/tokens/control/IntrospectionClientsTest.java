package io.github.accounts.tokens.control;

import java.util.Map;
import io.github.accounts.settings.control.Settings;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntrospectionClientsTest {

    static final String SECRET = "Qm9vdHN0cmFwIHNlY3JldCBmb3IgdGVzdHM";

    static IntrospectionClients clients(String setting) {
        IntrospectionClients clients = new IntrospectionClients();
        clients.settings = Settings.of(Map.of("INTROSPECTION_CLIENTS", setting));
        clients.init();
        return clients;
    }

    @Test
    void aHashedSecretAuthenticatesItsClientWithTheSecretOnly() {
        String hex = HexFormat.of().formatHex(IntrospectionClients.sha256(SECRET));
        IntrospectionClients clients = clients("orders:sha256:" + hex);
        assertEquals(Optional.of("orders"), clients.authenticate("orders", SECRET));
        assertEquals(Optional.empty(), clients.authenticate("orders", "sha256:" + hex), "the setting's value is no password");
        assertEquals(Optional.empty(), clients.authenticate("orders", SECRET + "x"));
        assertEquals(Optional.empty(), clients.authenticate("billing", SECRET));
    }

    @Test
    void aLongPlaintextSecretStillWorks() {
        IntrospectionClients clients = clients("orders:" + SECRET + ", billing:sha256:" + "ab".repeat(32));
        assertEquals(Optional.of("orders"), clients.authenticate("orders", SECRET));
        assertEquals(Optional.empty(), clients.authenticate("orders", "s3cret"));
    }

    @Test
    void aShortPlaintextSecretStopsTheStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> clients("orders:s3cret"));
        assertTrue(refused.getMessage().contains("shorter than 20"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("s3cret"), "the secret itself is never logged");
        clients("orders:" + "x".repeat(20));
    }

    @Test
    void aMalformedDigestOrSettingStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> clients("orders:sha256:abc"));
        assertThrows(IllegalStateException.class, () -> clients("orders"));
        assertThrows(IllegalStateException.class, () -> clients("orders:" + SECRET + ",orders:" + SECRET + "2"));
    }

    @Test
    void withoutTheSettingNobodyIsAClient() {
        IntrospectionClients clients = new IntrospectionClients();
        clients.settings = Settings.of(Map.of());
        clients.init();
        assertEquals(Optional.empty(), clients.authenticate("orders", SECRET));
    }
}
