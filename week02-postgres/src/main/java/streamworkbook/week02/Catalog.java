package streamworkbook.week02;

import java.util.List;

/**
 * Everything a seed load writes: categories (parents before children), products, users and one
 * inventory row per product. {@link CatalogGenerator} makes one deterministically from a seed.
 */
public record Catalog(List<Category> categories, List<Product> products, List<User> users, List<StockLevel> inventory) {

    public Catalog {
        categories = List.copyOf(categories);
        products = List.copyOf(products);
        users = List.copyOf(users);
        inventory = List.copyOf(inventory);
    }
}
