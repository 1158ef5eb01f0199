package io.github.accounts.admin.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminRolesTest {

    @Test
    void aListedAddressAloneMakesNoAdmin() {
        assertFalse(AdminRoles.isAdmin(true, false, false), "registered with a listed address, never proven");
        assertTrue(AdminRoles.isAdmin(true, false, true), "the address is verified");
        assertTrue(AdminRoles.isAdmin(true, true, false), "bootstrapped by the operator");
    }

    @Test
    void anAddressNoLongerListedLosesTheRole() {
        assertFalse(AdminRoles.isAdmin(false, true, true));
        assertFalse(AdminRoles.isAdmin(false, true, false));
    }
}
