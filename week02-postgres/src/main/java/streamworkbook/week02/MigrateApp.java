package streamworkbook.week02;

import java.util.concurrent.Callable;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Applies the shop's migrations to the PostgreSQL that {@code ./workbook up} or {@code docker compose up}
 * runs on localhost:5432 (or POSTGRES_URL/USER/PASSWORD). Safe to run again: applied versions are skipped.
 */
@Command(name = "MigrateApp", mixinStandardHelpOptions = true,
        description = "Applies the shop's Flyway migrations (src/main/resources/db/migration) to PostgreSQL.")
public final class MigrateApp implements Callable<Integer> {

    @Option(names = "--schema", defaultValue = "public", description = "schema to migrate (default ${DEFAULT-VALUE})")
    String schema;

    public static void main(String[] args) {
        Programs.main(new MigrateApp(), "week02-postgres", args);
    }

    @Override
    public Integer call() {
        PostgresEndpoint db = Infra.forPrograms().postgres().withSchema(schema);
        System.out.println("Migrating schema " + schema + " at " + db.jdbcUrl());
        MigrateResult result = ShopSchema.migrate(db);
        for (MigrationInfo m : ShopSchema.flyway(db).info().all()) {
            String version = m.getVersion() == null ? "" : "V" + m.getVersion();
            System.out.printf("  %-4s %-28s %s%n", version, m.getDescription(), m.getState());
        }
        System.out.println(result.migrationsExecuted == 0
                ? "Already up to date at version " + result.initialSchemaVersion + "."
                : "Applied " + result.migrationsExecuted + " migration(s); now at version " + result.targetSchemaVersion + ".");
        return 0;
    }
}
