package io.github.accounts.persistence.control;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Names Hibernate's SQL dialect from {@code DB_URL}, as {@link ConfiguredDataSource} picks the driver, so the
 * persistence unit can start while the database cannot be reached yet (Hibernate otherwise asks the database which
 * dialect to speak, and fails without an answer). With the database there, Hibernate still reads its version.
 */
public class ConfiguredDialect implements ServiceContributor {

    static final String MYSQL = "org.hibernate.dialect.MySQLDialect";
    static final String H2 = "org.hibernate.dialect.H2Dialect";

    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        if (!registry.getSettings().containsKey(AvailableSettings.DIALECT)) {
            registry.applySetting(AvailableSettings.DIALECT,
                    dialectFor(ConfigProvider.getConfig().getOptionalValue("DB_URL", String.class).orElse("")));
        }
    }

    /** MySQL and MariaDB go through mysql-connector-j, which speaks as MySQL; anything else is the embedded H2. */
    static String dialectFor(String url) {
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:") ? MYSQL : H2;
    }
}
