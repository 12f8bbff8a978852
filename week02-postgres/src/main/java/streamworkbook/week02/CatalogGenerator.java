package streamworkbook.week02;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic shop catalogue: the same seed and sizes always give the same rows, so tests can
 * compute the exact answer a query must return. Ids run from 1; every category's parent comes before it.
 *
 * <p>{@link java.util.Random} is used on purpose: its algorithm is specified, so the data are the same
 * on every JVM. Each table has its own random stream, so changing the number of users does not change
 * the products.
 */
public final class CatalogGenerator {

    /** The sizes the seed app and the seed test use. */
    public static final int CATEGORIES = 50;
    public static final int PRODUCTS = 10_000;
    public static final int USERS = 5_000;

    public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    public static final List<String> ROOT_CATEGORIES =
            List.of("Electronics", "Home & Kitchen", "Fashion", "Sports & Outdoors", "Books");
    public static final List<String> COLORS =
            List.of("black", "white", "red", "blue", "green", "grey", "yellow", "pink", "brown", "orange");
    public static final List<String> SIZES = List.of("S", "M", "L", "XL");
    public static final List<String> MATERIALS = List.of("cotton", "wool", "steel", "aluminium", "plastic", "wood");
    /** Each tag with the share of products that carry it; "limited-edition" is rare on purpose. */
    public static final Map<String, Double> TAG_SHARES = tagShares();

    private static final List<String> SUBCATEGORY_WORDS = List.of("Accessories", "Essentials", "Classics",
            "Premium", "Outlet", "Basics", "Pro", "Kids", "Travel", "Gifts", "Care", "Parts");
    private static final List<String> ADJECTIVES = List.of("Compact", "Classic", "Smart", "Rugged", "Light",
            "Deluxe", "Eco", "Mini", "Ultra", "Soft", "Quiet", "Bold");
    private static final List<String> NOUNS = List.of("Speaker", "Kettle", "Jacket", "Backpack", "Lamp",
            "Notebook", "Headphones", "Bottle", "Chair", "Watch", "Tent", "Mug", "Sneakers", "Blender", "Novel");
    private static final List<String> BRANDS = List.of("Acme", "Nordwind", "Bluepeak", "Solano", "Kestrel",
            "Umbra", "Fjell", "Marlow", "Tessera", "Oakridge", "Lumen", "Vantage");
    private static final List<String> FIRST_NAMES = List.of("Ada", "Ben", "Chloe", "David", "Elena", "Farid",
            "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca", "Maya", "Noah", "Olga", "Pavel");
    private static final List<String> LAST_NAMES = List.of("Novak", "Schmidt", "Rossi", "Garcia", "Dubois",
            "Jansen", "Kowalski", "Silva", "Berg", "Moreau", "Costa", "Weber");
    private static final List<String> COUNTRIES = List.of("DE", "FR", "NL", "PL", "ES", "IT", "SE", "GB", "US", "CZ");

    private CatalogGenerator() {
    }

    /** 50 categories, 10,000 products, 5,000 users and their inventory. */
    public static Catalog standard(long seed) {
        return generate(seed, CATEGORIES, PRODUCTS, USERS);
    }

    public static Catalog generate(long seed, int categoryCount, int productCount, int userCount) {
        if (categoryCount < 1) {
            throw new IllegalArgumentException("a catalogue needs at least one category");
        }
        List<Category> categories = categories(new Random(seed), categoryCount);
        List<Product> products = products(new Random(seed + 1), productCount, categoryCount);
        List<User> users = users(new Random(seed + 2), userCount);
        List<StockLevel> inventory = inventory(new Random(seed + 3), productCount);
        return new Catalog(categories, products, users, inventory);
    }

    private static List<Category> categories(Random random, int count) {
        List<Category> categories = new ArrayList<>(count);
        int roots = Math.min(ROOT_CATEGORIES.size(), count);
        for (int id = 1; id <= roots; id++) {
            categories.add(new Category(id, null, ROOT_CATEGORIES.get(id - 1)));
        }
        for (int id = roots + 1; id <= count; id++) {
            // any earlier category may be the parent: a tree of varying depth, parents always first
            Category parent = categories.get(random.nextInt(id - 1));
            String name = parent.name().split(" › ")[0] + " › " + pick(random, SUBCATEGORY_WORDS) + " " + id;
            categories.add(new Category(id, parent.id(), name));
        }
        return categories;
    }

    private static List<Product> products(Random random, int count, int categoryCount) {
        List<Product> products = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            String name = pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
            long categoryId = 1 + random.nextInt(categoryCount);
            BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(49_900), 2);   // 1.00 … 499.99
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("brand", pick(random, BRANDS));
            attributes.put("color", pick(random, COLORS));
            attributes.put("material", pick(random, MATERIALS));
            if (random.nextInt(10) < 6) {
                attributes.put("size", pick(random, SIZES));
            }
            attributes.put("weight_g", 50 + random.nextInt(4_951));
            List<String> tags = new ArrayList<>();
            for (Map.Entry<String, Double> tag : TAG_SHARES.entrySet()) {
                if (random.nextDouble() < tag.getValue()) {
                    tags.add(tag.getKey());
                }
            }
            Instant created = EPOCH.plus(Duration.ofMinutes(7L * id));
            products.add(new Product(id, String.format("SKU-%06d", id), name, categoryId, price,
                    attributes, tags, created, created));
        }
        return products;
    }

    private static List<User> users(Random random, int count) {
        List<User> users = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            String name = pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
            users.add(new User(id, String.format("user%05d@example.com", id), name, pick(random, COUNTRIES),
                    EPOCH.plus(Duration.ofMinutes(13L * id))));
        }
        return users;
    }

    private static List<StockLevel> inventory(Random random, int productCount) {
        List<StockLevel> inventory = new ArrayList<>(productCount);
        for (int id = 1; id <= productCount; id++) {
            int quantity = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(500);   // one in ten sold out
            inventory.add(new StockLevel(id, quantity));
        }
        return inventory;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Map<String, Double> tagShares() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("new", 0.10);
        shares.put("sale", 0.15);
        shares.put("bestseller", 0.05);
        shares.put("eco", 0.08);
        shares.put("gift-idea", 0.06);
        shares.put("clearance", 0.03);
        shares.put("limited-edition", 0.005);
        return java.util.Collections.unmodifiableMap(shares);
    }
}
