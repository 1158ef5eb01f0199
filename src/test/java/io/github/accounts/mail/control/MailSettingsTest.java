package io.github.accounts.mail.control;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MailSettingsTest {

    @Test
    void starttlsIsRequiredNotOpportunistic() {
        Properties properties = MailSettings.properties("smtp.example.com", 0, MailSettings.Tls.STARTTLS, true);
        assertEquals("587", properties.getProperty("mail.smtp.port"));
        assertEquals("true", properties.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", properties.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("true", properties.getProperty("mail.smtp.auth"));
    }

    @Test
    void tlsFromTheFirstByteAndPlainForTests() {
        Properties tls = MailSettings.properties("smtp.example.com", 0, MailSettings.Tls.TLS, false);
        assertEquals("465", tls.getProperty("mail.smtp.port"));
        assertEquals("true", tls.getProperty("mail.smtp.ssl.enable"));
        Properties plain = MailSettings.properties("127.0.0.1", 2525, MailSettings.Tls.NONE, false);
        assertEquals("2525", plain.getProperty("mail.smtp.port"));
        assertNull(plain.getProperty("mail.smtp.starttls.enable"));
        assertEquals("10000", plain.getProperty("mail.smtp.timeout"));
    }

    @Test
    void anUnknownTlsModeStopsTheStart() {
        assertEquals(MailSettings.Tls.STARTTLS, MailSettings.tlsOf(" StartTLS "));
        assertThrows(IllegalStateException.class, () -> MailSettings.tlsOf("ssl"));
    }
}
