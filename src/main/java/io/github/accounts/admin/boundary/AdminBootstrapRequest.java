package io.github.accounts.admin.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/admin/bootstrap}: the operator's bootstrap secret. */
public record AdminBootstrapRequest(
        @NotBlank(message = "is required") @Size(max = AdminBootstrapRequest.SECRET_MAX, message = "must be at most {max} characters") String secret) {

    static final int SECRET_MAX = 512;
}
