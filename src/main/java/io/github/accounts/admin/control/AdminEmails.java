package io.github.accounts.admin.control;

import io.github.accounts.users.control.EmailAddresses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code ADMIN_EMAILS}: the users (by email, compared as {@link EmailAddresses#key}) who hold the admin role. */
@ApplicationScoped
public class AdminEmails {

    @Inject
    @ConfigProperty(name = "ADMIN_EMAILS")
    Optional<String> setting;

    public Set<String> keys() {
        return Arrays.stream(setting.orElse("").split(",")).map(String::strip).filter(e -> !e.isEmpty())
                .map(EmailAddresses::key).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAdmin(String email) {
        return keys().contains(EmailAddresses.key(email));
    }
}
