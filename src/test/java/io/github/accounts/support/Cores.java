package io.github.accounts.support;

/**
 * The machine's cores as a JUnit resource lock, between the classes that run beside the others
 * ({@code @Execution(CONCURRENT)}, see junit-platform.properties) and the classes whose assertions bound a time (a
 * lockout's end, a grace period, "within a second"). A class that boots nodes beside the others holds it shared
 * ({@code @ResourceLock(value = Cores.LOCK, mode = READ)}); a class that bounds a time holds it alone
 * ({@code @ResourceLock(Cores.LOCK)}), so no node boots while it measures. Holding it shared does not order a
 * class's own tests: a concurrent class whose tests must not overlap marks them SAME_THREAD.
 */
public final class Cores {

    public static final String LOCK = "cores";

    private Cores() {
    }
}
