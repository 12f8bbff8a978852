package streamworkbook.week02;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Migrates the schema, then loads a generated catalogue with your {@link SeedLoader} (exercise 2.2;
 * the reference solution with --solutions).
 */
@Command(name = "SeedApp", mixinStandardHelpOptions = true,
        description = "Loads a deterministic shop catalogue (categories, products, users, inventory) into PostgreSQL.")
public final class SeedApp implements Callable<Integer> {

    @Option(names = "--categories", defaultValue = "" + CatalogGenerator.CATEGORIES, description = "categories (default ${DEFAULT-VALUE})")
    int categories;
    @Option(names = "--products", defaultValue = "" + CatalogGenerator.PRODUCTS, description = "products (default ${DEFAULT-VALUE})")
    int products;
    @Option(names = "--users", defaultValue = "" + CatalogGenerator.USERS, description = "users (default ${DEFAULT-VALUE})")
    int users;
    @Option(names = "--seed", defaultValue = "42", description = "random seed: the same seed gives the same rows (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--replace", description = "empty the catalogue and orders first (the change feed keeps its history)")
    boolean replace;
    @Option(names = "--schema", defaultValue = "public", description = "schema (default ${DEFAULT-VALUE})")
    String schema;

    public static void main(String[] args) {
        Programs.main(new SeedApp(), "week02-postgres", args);
    }

    @Override
    public Integer call() throws Exception {
        PostgresEndpoint db = Infra.forPrograms().postgres().withSchema(schema);
        ShopSchema.migrate(db);
        if (replace) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("TRUNCATE order_items, orders, inventory, products, users, categories");
            }
        }
        Catalog catalog = CatalogGenerator.generate(seed, categories, products, users);
        SeedLoader loader = Exercises.pick(streamworkbook.week02.exercises.BulkSeedLoader::new,
                streamworkbook.week02.solutions.BulkSeedLoader::new);
        long started = System.nanoTime();
        try {
            LoadReport report = loader.load(db, catalog);
            double seconds = (System.nanoTime() - started) / 1e9;
            long rows = (long) report.categories() + report.products() + report.users() + report.inventory();
            System.out.printf("Loaded %,d categories, %,d products, %,d users, %,d inventory rows in %.2f s (%,.0f rows/s)%n",
                    report.categories(), report.products(), report.users(), report.inventory(), seconds, rows / seconds);
            return 0;
        } catch (SeedRejectedException e) {
            System.err.println(e.getMessage());
            System.err.println("Nothing was loaded. Already seeded? Add --replace to start from an empty catalogue.");
            return 1;
        }
    }
}
