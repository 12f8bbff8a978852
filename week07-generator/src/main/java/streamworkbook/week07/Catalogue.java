package streamworkbook.week07;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.week02.Catalog;
import streamworkbook.week02.User;

/**
 * What shoppers can buy and who they are: week 2's catalogue, read once from PostgreSQL, so that every
 * product and user an event names exists in the shop's database (referential integrity).
 *
 * <p>Popularity has a long tail, as in real shops: products are ranked in an order shuffled by the seed, and the
 * product of rank r is picked with a weight proportional to 1 / r<sup>{@value #ZIPF_EXPONENT}</sup> (Zipf's law):
 * with 10,000 products the top 1 % draw about a third of all views.
 */
public final class Catalogue {

    /** How steep the long tail is: 1 is Zipf's classic law; a little more, as measured for web shops. */
    public static final double ZIPF_EXPONENT = 1.05;

    /** A product as events name it: by its SKU. */
    public record Product(String sku, long categoryId, BigDecimal price) {
    }

    private final List<Product> byPopularity;
    private final double[] cumulativeWeight;
    private final List<Long> userIds;
    private final Set<String> skus = new HashSet<>();
    private final Set<String> users = new HashSet<>();

    private Catalogue(List<Product> products, List<Long> userIds, long seed) {
        if (products.isEmpty() || userIds.isEmpty()) {
            throw new IllegalArgumentException("the catalogue has " + products.size() + " products and " + userIds.size()
                    + " users: seed week 2's catalogue first (./workbook run week07 GeneratorApp --seed-catalogue)");
        }
        List<Product> shuffled = new ArrayList<>(products);
        Collections.shuffle(shuffled, new Random(seed));
        this.byPopularity = List.copyOf(shuffled);
        this.cumulativeWeight = new double[shuffled.size()];
        double total = 0;
        for (int rank = 1; rank <= shuffled.size(); rank++) {
            total += 1 / Math.pow(rank, ZIPF_EXPONENT);
            cumulativeWeight[rank - 1] = total;
        }
        this.userIds = List.copyOf(userIds);
        products.forEach(p -> skus.add(p.sku()));
        userIds.forEach(id -> users.add(userId(id)));
    }

    /** The catalogue of the given products and users; {@code seed} decides which products are popular. */
    public static Catalogue of(List<Product> products, List<Long> userIds, long seed) {
        return new Catalogue(products, userIds, seed);
    }

    /** The catalogue of week 2's generated data, without a database (what a seed load would write). */
    public static Catalogue of(Catalog catalog, long seed) {
        return new Catalogue(catalog.products().stream().map(p -> new Product(p.sku(), p.categoryId(), p.price())).toList(),
                catalog.users().stream().map(User::id).toList(), seed);
    }

    /** Reads products (SKU, category, price) and user ids from week 2's tables in the endpoint's schema. */
    public static Catalogue load(PostgresEndpoint db, long seed) throws SQLException {
        List<Product> products = new ArrayList<>();
        List<Long> userIds = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT sku, category_id, price FROM products ORDER BY id")) {
                while (rs.next()) {
                    products.add(new Product(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id FROM users ORDER BY id")) {
                while (rs.next()) {
                    userIds.add(rs.getLong(1));
                }
            }
        }
        return new Catalogue(products, userIds, seed);
    }

    /** Whether week 2's catalogue has no products yet. */
    public static boolean isEmpty(PostgresEndpoint db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM products)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The {@code user_id} events carry for the database's user {@code id}. */
    public static String userId(long id) {
        return "u-" + id;
    }

    /** A product, popular ones more often (see the class comment). */
    public Product pickProduct(Random random) {
        double target = random.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
        int i = Arrays.binarySearch(cumulativeWeight, target);
        return byPopularity.get(i >= 0 ? i : Math.min(-i - 1, byPopularity.size() - 1));
    }

    /** A user, each equally likely. */
    public String pickUser(Random random) {
        return userId(userIds.get(random.nextInt(userIds.size())));
    }

    /** Products from the most popular to the least. */
    public List<Product> byPopularity() {
        return byPopularity;
    }

    public boolean hasProduct(String sku) {
        return skus.contains(sku);
    }

    public boolean hasUser(String userId) {
        return users.contains(userId);
    }
}
