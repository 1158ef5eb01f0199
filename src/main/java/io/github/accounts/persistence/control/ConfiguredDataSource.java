package io.github.accounts.persistence.control;

import io.github.accounts.settings.control.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ServiceConfigurationError;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The data source the server pools: MySQL/MariaDB when {@code DB_URL} is set, otherwise an embedded
 * H2 database file under {@code DATA_DIR}. The server sets its properties from configuration
 * (see {@link Database}); connections are opened through the drivers packaged in the WAR.
 */
public class ConfiguredDataSource implements DataSource {

    /** What {@link Database} passes for a setting that is not configured. */
    public static final String UNSET = "unset";

    static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=USER;WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
    static final int CONNECT_TIMEOUT_MS = 3_000;
    static final int SOCKET_TIMEOUT_MS = 15_000;

    private String url = UNSET;
    private String user = UNSET;
    private String password = UNSET;
    private String dataDir = UNSET;
    private volatile DataSource delegate;
    private int loginTimeout;

    public void setUrl(String url) {
        this.url = url;
        this.delegate = null;
    }

    public void setUser(String user) {
        this.user = user;
        this.delegate = null;
    }

    public void setPassword(String password) {
        this.password = password;
        this.delegate = null;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
        this.delegate = null;
    }

    /** The JDBC URL in use; an embedded H2 file under the data directory when none is configured. */
    public String effectiveUrl() {
        String configured = setting(url, Settings.DB_URL.name());
        if (isSet(configured)) {
            return configured;
        }
        String directory = setting(dataDir, Settings.DATA_DIR.name());
        Path file = Path.of(isSet(directory) ? directory : "data").toAbsolutePath().normalize().resolve("accounts");
        return "jdbc:h2:file:" + file + H2_OPTIONS;
    }

    /**
     * A property as the server set it, or, where the server left it unset or did not know the placeholder syntax
     * (Payara resolves {@code ${MPCONFIG=…}}; WildFly passes it on as written, or resolves it to its default), the
     * setting read from MicroProfile Config here.
     */
    static String setting(String value, String name) {
        if (isSet(value) && !value.startsWith("${")) {
            return value;
        }
        try {
            // the application's configuration, named by its class loader: pools open connections on threads
            // that may have no context class loader
            return ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())
                    .getOptionalValue(name, String.class).orElse(UNSET);
        } catch (RuntimeException | ServiceConfigurationError noConfig) {
            return UNSET;
        }
    }

    public boolean isEmbedded() {
        return effectiveUrl().startsWith("jdbc:h2:");
    }

    private DataSource delegate() throws SQLException {
        DataSource current = delegate;
        if (current == null) {
            current = create(effectiveUrl());
            delegate = current;
        }
        return current;
    }

    private DataSource create(String jdbcUrl) throws SQLException {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(jdbcUrl);
            String h2User = setting(user, Settings.DB_USER.name());
            String h2Password = setting(password, Settings.DB_PASSWORD.name());
            h2.setUser(isSet(h2User) ? h2User : "sa");
            h2.setPassword(isSet(h2Password) ? h2Password : "");
            return h2;
        }
        if (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:")) {
            com.mysql.cj.jdbc.MysqlDataSource mysql = new com.mysql.cj.jdbc.MysqlDataSource();
            mysql.setUrl(jdbcUrl.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"));
            String mysqlUser = setting(user, Settings.DB_USER.name());
            String mysqlPassword = setting(password, Settings.DB_PASSWORD.name());
            if (isSet(mysqlUser)) {
                mysql.setUser(mysqlUser);
            }
            mysql.setPassword(isSet(mysqlPassword) ? mysqlPassword : "");
            if (!jdbcUrl.contains("connectTimeout")) {
                mysql.setConnectTimeout(CONNECT_TIMEOUT_MS);
            }
            if (!jdbcUrl.contains("socketTimeout")) {
                mysql.setSocketTimeout(SOCKET_TIMEOUT_MS);
            }
            mysql.setCharacterEncoding("UTF-8");
            return mysql;
        }
        throw new SQLException("DB_URL must be a jdbc:mysql:, jdbc:mariadb: or jdbc:h2: URL, not "
                + jdbcUrl.replaceAll("//[^/@]*@", "//***@"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank() && !UNSET.equals(value);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the server logs; nothing to do
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getSimpleName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** For the startup log: the URL with any password in it masked. */
    public String describe() {
        return effectiveUrl().replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

}
