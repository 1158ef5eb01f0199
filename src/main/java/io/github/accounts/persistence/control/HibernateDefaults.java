package io.github.accounts.persistence.control;

import io.github.accounts.settings.control.Settings;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.service.spi.ServiceContributor;

import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What Hibernate cannot find out on its own, given where the server has not said it already:
 * <ul>
 * <li>the SQL dialect, named from {@code DB_URL} as {@link ConfiguredDataSource} picks the driver, so the persistence
 * unit can start while the database cannot be reached yet (Hibernate otherwise asks the database which dialect to
 * speak, and fails without an answer); with the database there, Hibernate still reads its version;</li>
 * <li>the JTA platform on Payara, recognised by its transaction manager in JNDI (Hibernate does not recognise it by
 * itself; WildFly's JPA integration brings its own).</li>
 * </ul>
 */
public class HibernateDefaults implements ServiceContributor {

    static final String MYSQL = "org.hibernate.dialect.MySQLDialect";
    static final String H2 = "org.hibernate.dialect.H2Dialect";
    static final String PAYARA_JTA = "org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform";
    /** Where {@link #PAYARA_JTA} finds the transaction manager. */
    static final String PAYARA_TRANSACTION_MANAGER = "java:appserver/TransactionManager";

    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        Map<String, Object> settings = registry.getSettings();
        if (!settings.containsKey(AvailableSettings.DIALECT)) {
            registry.applySetting(AvailableSettings.DIALECT,
                    dialectFor(ConfigProvider.getConfig().getOptionalValue(Settings.DB_URL.name(), String.class).orElse("")));
        }
        if (!settings.containsKey(AvailableSettings.JTA_PLATFORM) && bound(PAYARA_TRANSACTION_MANAGER)) {
            registry.applySetting(AvailableSettings.JTA_PLATFORM, PAYARA_JTA);
        }
    }

    static boolean bound(String jndiName) {
        try {
            return new InitialContext().lookup(jndiName) != null;
        } catch (NamingException | RuntimeException notHere) {
            return false;
        }
    }

    /** MySQL and MariaDB go through mysql-connector-j, which speaks as MySQL; anything else is the embedded H2. */
    static String dialectFor(String url) {
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:") ? MYSQL : H2;
    }
}
