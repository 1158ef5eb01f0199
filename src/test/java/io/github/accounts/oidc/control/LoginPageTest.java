package io.github.accounts.oidc.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginPageTest {

    static final String ACTION = "https://id.example/api/oidc/authorize";

    @Test
    void theLoginFormWorksWithoutScriptAndOffersAPasskeyWithIt() {
        String page = LoginPage.form(ACTION, "client_id=a&x=<b>", "csrf1", null, null, "../../");
        assertTrue(page.contains("name=\"password\""), page);
        assertTrue(page.contains("<form method=\"post\" action=\"" + ACTION + "\" id=\"passkey-form\" class=\"passkey-login\" hidden"), page);
        assertTrue(page.contains("data-options=\"../../api/users/login/passkey/options\""), page);
        assertTrue(page.contains("<script type=\"module\" src=\"../../assets/login.js\"></script>"), page);
        LoginPage.PASSKEY_FIELDS.forEach(field -> assertTrue(page.contains("name=\"" + field + "\" value=\"\""), field));
        assertTrue(page.contains("value=\"client_id=a&amp;x=&lt;b&gt;\""), "the request is escaped");
        assertFalse(page.contains("mfa_token"), page);
    }

    @Test
    void theSecondStepOffersTheMethodsOfTheAccount() {
        String both = LoginPage.codeForm(ACTION, "q", "csrf1", "step\"1", List.of("totp", "passkey"), null);
        assertTrue(both.contains("name=\"code\""), both);
        assertTrue(both.contains("data-options=\"../../api/users/login/mfa/passkey/options\""), both);
        assertTrue(both.contains("name=\"mfa_token\" value=\"step&quot;1\""), both);

        String code = LoginPage.codeForm(ACTION, "q", "csrf1", "step1", List.of("totp"), "Wrong code: try again");
        assertTrue(code.contains("name=\"code\""), code);
        assertFalse(code.contains("passkey-form"), code);
        assertFalse(code.contains("<script"), "no script where nothing needs it");

        String passkey = LoginPage.codeForm(ACTION, "q", "csrf1", "step1", List.of("passkey"), null);
        assertFalse(passkey.contains("name=\"code\""), passkey);
        assertTrue(passkey.contains("id=\"passkey-form\""), passkey);
        assertTrue(passkey.contains("<noscript>"), "without script the page says why nothing can be done");
    }
}
