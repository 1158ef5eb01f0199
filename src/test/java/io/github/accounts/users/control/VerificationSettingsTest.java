package io.github.accounts.users.control;

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
                () -> VerificationSettings.modeOf(Optional.of("required"), false));
        assertTrue(noSmtp.getMessage().contains("MAIL_SMTP_HOST"), noSmtp.getMessage());
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> VerificationSettings.modeOf(Optional.of("yes"), true));
        assertEquals("EMAIL_VERIFICATION must be off, optional or required, not 'yes'", unknown.getMessage());
    }
}
