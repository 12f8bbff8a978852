package streamworkbook.week10;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.week02.Catalog;
import streamworkbook.week07.Catalogue;
import streamworkbook.week07.CatalogueCheck;
import streamworkbook.week07.ContractCheck;
import streamworkbook.week07.Violation;
import streamworkbook.week07.solutions.SchemaContracts;

/**
 * Week 7's rules as {@link RecordRules}: the JSON Schema contract of the record's type (week 7's reference
 * {@code SchemaContracts}), then the catalogue (the product and the user exist: {@code CatalogueCheck}).
 *
 * <p>What travels to Flink's task managers is only the catalogue's SKUs and user ids; the compiled schemas and the
 * catalogue are built there on first use, once per parallel instance.
 */
public final class ContractRules implements RecordRules {

    private static final long serialVersionUID = 1L;

    private final ArrayList<String> skus;
    private final ArrayList<Long> userIds;
    private transient ContractCheck contracts;
    private transient CatalogueCheck catalogue;

    private ContractRules(List<String> skus, List<Long> userIds) {
        this.skus = new ArrayList<>(skus);
        this.userIds = new ArrayList<>(userIds);
    }

    /** The rules over week 2's generated catalogue (what a seed load writes), without a database. */
    public static ContractRules of(Catalog catalog) {
        return new ContractRules(catalog.products().stream().map(streamworkbook.week02.Product::sku).toList(),
                catalog.users().stream().map(streamworkbook.week02.User::id).toList());
    }

    /** The rules over the catalogue in week 2's tables (the products' SKUs and the users' ids). */
    public static ContractRules load(PostgresEndpoint db) throws SQLException {
        List<String> skus = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT sku FROM products")) {
                while (rs.next()) {
                    skus.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id FROM users")) {
                while (rs.next()) {
                    users.add(rs.getLong(1));
                }
            }
        }
        return new ContractRules(skus, users);
    }

    @Override
    public List<Violation> check(byte[] value) {
        if (value == null) {
            return List.of(new Violation("$", "json", "$: the record has no value (a tombstone)"));
        }
        if (contracts == null) {
            contracts = new SchemaContracts();
            // only existence is checked: category and price do not matter to CatalogueCheck
            catalogue = new CatalogueCheck(Catalogue.of(skus.stream().map(sku -> new Catalogue.Product(sku, 0, BigDecimal.ONE)).toList(),
                    userIds, 0));
        }
        List<Violation> violations = new ArrayList<>(contracts.check(value));
        violations.addAll(catalogue.check(value));
        return violations;
    }
}
