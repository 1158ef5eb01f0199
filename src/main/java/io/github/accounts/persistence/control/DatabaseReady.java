package io.github.accounts.persistence.control;

/**
 * Fired when a database that could not be reached at startup has been reached and its schema migrated: the beans
 * that load from it at startup ({@code @DependsOn("Database")}) load now. Fired again if one of them failed to.
 */
public record DatabaseReady() {
}
