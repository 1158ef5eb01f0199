package io.github.accounts.admin.control;

import io.github.accounts.settings.control.Settings;
import io.github.accounts.users.control.EmailAddresses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.stream.Collectors;

/** {@code ADMIN_EMAILS}: the users (by email, compared as {@link EmailAddresses#key}) who hold the admin role. */
@ApplicationScoped
public class AdminEmails {

    @Inject
    Settings settings;

    public Set<String> keys() {
        return settings.get(Settings.ADMIN_EMAILS).stream().map(EmailAddresses::key).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAdmin(String email) {
        return keys().contains(EmailAddresses.key(email));
    }
}
