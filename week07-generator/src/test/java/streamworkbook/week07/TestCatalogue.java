package streamworkbook.week07;

import java.sql.SQLException;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.week02.CatalogGenerator;
import streamworkbook.week02.ShopSchema;

/** Week 2's catalogue in a schema of its own on the test PostgreSQL, loaded once per test JVM. */
final class TestCatalogue {

    static final int PRODUCTS = 2_000;
    static final int USERS = 1_000;

    private static PostgresEndpoint db;
    private static Catalogue catalogue;

    private TestCatalogue() {
    }

    static synchronized PostgresEndpoint database() throws SQLException {
        if (db == null) {
            PostgresEndpoint fresh = Infra.postgres().withFreshSchema("w7-shop");
            ShopSchema.migrate(fresh);
            new streamworkbook.week02.solutions.BulkSeedLoader().load(fresh, CatalogGenerator.generate(7, 20, PRODUCTS, USERS));
            db = fresh;
        }
        return db;
    }

    static synchronized Catalogue catalogue() throws SQLException {
        if (catalogue == null) {
            catalogue = Catalogue.load(database(), 7);
        }
        return catalogue;
    }
}
