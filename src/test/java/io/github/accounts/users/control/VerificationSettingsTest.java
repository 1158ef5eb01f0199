package io.github.accounts.users.control;

import io.github.accounts.settings.control.Settings;
import java.util.Map;
import io.github.accounts.users.control.VerificationSettings.Mode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationSettingsTest {

    @Test
    void unsetItIsRequiredWithSmtpAndOptionalWithout() {
        assertEquals(Mode.REQUIRED, VerificationSettings.modeOf(Optional.empty(), true));
        assertEquals(Mode.OPTIONAL, VerificationSettings.modeOf(Optional.empty(), false));
        assertEquals(Mode.OPTIONAL, VerificationSettings.modeOf(Optional.of(" "), false));
    }

    @Test
    void givenValuesAreTakenInAnyCase() {
        assertEquals(Mode.OFF, VerificationSettings.modeOf(Optional.of("off"), true));
        assertEquals(Mode.OPTIONAL, VerificationSettings.modeOf(Optional.of(" Optional "), true));
        assertEquals(Mode.REQUIRED, VerificationSettings.modeOf(Optional.of("REQUIRED"), true));
    }

    @Test
    void requiredWithoutSmtpAndUnknownValuesStopTheDeployment() {
        IllegalStateException noSmtp = assertThrows(IllegalStateException.class,
                () -> Settings.of(Map.of("EMAIL_VERIFICATION", "required")));
        assertTrue(noSmtp.getMessage().contains("EMAIL_VERIFICATION=required needs MAIL_SMTP_HOST"), noSmtp.getMessage());
        Settings.of(Map.of("EMAIL_VERIFICATION", "required", "MAIL_SMTP_HOST", "smtp.example.com"));
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> Settings.of(Map.of("EMAIL_VERIFICATION", "yes")));
        assertTrue(unknown.getMessage().contains("EMAIL_VERIFICATION must be off, optional, required, not 'yes'"), unknown.getMessage());
    }
}
