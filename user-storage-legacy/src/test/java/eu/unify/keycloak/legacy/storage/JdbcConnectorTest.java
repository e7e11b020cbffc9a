package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class JdbcConnectorTest {

    @Test
    void vendorsAreRecognisedByUrl() {
        assertThat(JdbcConnector.Vendor.of("jdbc:postgresql://h/db")).isEqualTo(JdbcConnector.Vendor.POSTGRESQL);
        assertThat(JdbcConnector.Vendor.of("JDBC:MariaDB://h/db")).isEqualTo(JdbcConnector.Vendor.MARIADB);
        assertThat(JdbcConnector.Vendor.of("jdbc:mysql://h/db")).isEqualTo(JdbcConnector.Vendor.MYSQL);
        assertThat(JdbcConnector.Vendor.of("jdbc:sqlserver://h;databaseName=db")).isEqualTo(JdbcConnector.Vendor.SQLSERVER);
        assertThat(JdbcConnector.Vendor.of("jdbc:h2:mem:x")).isNull();
        assertThat(JdbcConnector.Vendor.of(null)).isNull();
    }

    @Test
    void timeoutsAreSetInEachDriversUnits() {
        Properties pg = JdbcConnector.properties(JdbcConnector.Vendor.POSTGRESQL, "u", "p", Duration.ofSeconds(3),
                Duration.ofSeconds(10));
        assertThat(pg).containsEntry("connectTimeout", "3").containsEntry("socketTimeout", "10")
                .containsEntry("user", "u").containsEntry("password", "p");
        Properties maria = JdbcConnector.properties(JdbcConnector.Vendor.MARIADB, "u", "", Duration.ofSeconds(3),
                Duration.ofSeconds(10));
        assertThat(maria).containsEntry("connectTimeout", "3000").containsEntry("socketTimeout", "10000")
                .doesNotContainKey("password");
        Properties mssql = JdbcConnector.properties(JdbcConnector.Vendor.SQLSERVER, "u", "p", Duration.ofSeconds(3),
                Duration.ofSeconds(10));
        assertThat(mssql).containsEntry("loginTimeout", "3").containsEntry("socketTimeout", "10000");
    }
}
