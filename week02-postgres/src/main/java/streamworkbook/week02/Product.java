package streamworkbook.week02;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import streamworkbook.kit.shop.ShopJson;

/**
 * A row of {@code products}. Its JSON form (snake_case, as {@link ShopJson} writes it) has the same
 * field names as the table's columns, so PostgreSQL's {@code to_jsonb(product_row)} reads back as a Product.
 *
 * @param attributes the {@code jsonb} column: values are strings or integers (e.g. color, size, weight_g)
 * @param tags       the {@code text[]} column, in stored order
 */
public record Product(
        long id,
        String sku,
        String name,
        long categoryId,
        BigDecimal price,
        Map<String, Object> attributes,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt) {

    public Product {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        // sorted and unmodifiable: equal attributes compare equal and print the same way
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes == null ? Map.of() : attributes));
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public Product withPrice(BigDecimal newPrice) {
        return new Product(id, sku, name, categoryId, newPrice, attributes, tags, createdAt, updatedAt);
    }

    public Product withCategoryId(long newCategoryId) {
        return new Product(id, sku, name, newCategoryId, price, attributes, tags, createdAt, updatedAt);
    }

    /** The attributes as a JSON document, e.g. {@code {"color":"red","size":"M"}}: what goes into the jsonb column. */
    public String attributesJson() {
        try {
            return ShopJson.mapper().writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the attributes of product " + id, e);
        }
    }

    /** Parses a JSON object of attributes (the text of a jsonb column) into a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseAttributes(String json) {
        try {
            return ShopJson.mapper().readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object of attributes: " + json, e);
        }
    }

    /** Parses the JSON of a product row, e.g. the {@code payload} of {@code product_changes}. */
    public static Product fromJson(String json) {
        try {
            return ShopJson.mapper().readValue(json, Product.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a product: " + json, e);
        }
    }
}
