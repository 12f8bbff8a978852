package streamworkbook.week07;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import streamworkbook.kit.shop.ShopJson;

/**
 * The part of a contract that a schema cannot express: the products and users an event names exist in the
 * shop's database. A record that is not JSON is the schema's business, not this check's.
 */
public final class CatalogueCheck {

    private final Catalogue catalogue;

    public CatalogueCheck(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public List<Violation> check(byte[] record) {
        JsonNode node;
        try {
            node = ShopJson.mapper().readTree(record);
        } catch (IOException e) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        JsonNode product = node == null ? null : node.get("product_id");
        if (product != null && product.isTextual() && !catalogue.hasProduct(product.asText())) {
            violations.add(new Violation("$.product_id", "catalogue", "no product with SKU " + product.asText() + " in the catalogue"));
        }
        JsonNode user = node == null ? null : node.get("user_id");
        if (user != null && user.isTextual() && !catalogue.hasUser(user.asText())) {
            violations.add(new Violation("$.user_id", "catalogue", "no user " + user.asText() + " in the catalogue"));
        }
        return violations;
    }
}
