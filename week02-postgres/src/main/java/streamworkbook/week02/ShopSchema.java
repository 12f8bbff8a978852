package streamworkbook.week02;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * The shop's operational schema: the Flyway migrations in {@code src/main/resources/db/migration}
 * ({@code V1__catalog.sql}, {@code V2__orders.sql}, …), applied in version order, each exactly once.
 * Flyway records what it applied in the {@code flyway_schema_history} table of the same schema.
 */
public final class ShopSchema {

    private ShopSchema() {
    }

    /** Brings the endpoint's schema ({@link PostgresEndpoint#schema()}) up to the latest version. */
    public static MigrateResult migrate(PostgresEndpoint db) {
        return flyway(db).migrate();
    }

    public static Flyway flyway(PostgresEndpoint db) {
        return Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .schemas(db.schema())              // the first schema is the default: history table and search_path
                .locations("classpath:db/migration")
                .load();
    }
}
