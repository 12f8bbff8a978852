package streamworkbook.week10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.week10.Compatibility.Incompatibility;
import streamworkbook.week10.Compatibility.Mode;

/**
 * Exercise 10.3: your compatibility check on week 7's purchase contract and its version 2, on a refused proposal, and
 * on small schemas that each change one thing: a required field added, an optional one made required, fields removed,
 * a rename with and without an alias, types widened and narrowed, open and closed content models. Incompatibilities
 * are compared as sets of (direction, field), and each reason must name its field.
 *
 * <p>Rejects:
 * <ul>
 *   <li>checking only the added fields: an optional field made required, a removed field and a changed type pass;</li>
 *   <li>ignoring types: quantity as text, and integer → number read by an old integer reader, pass;</li>
 *   <li>ignoring {@code required}: a new required field passes backward;</li>
 *   <li>ignoring {@code x-aliases}: version 2's rename of price is reported backward, where it is compatible;</li>
 *   <li>one direction for both (backward = forward): version 2 is either accepted forward or refused backward;</li>
 *   <li>ignoring the content model: a new property of a closed old reader passes forward; a closed reader of open data passes.</li>
 * </ul>
 */
@Exercise("10.3")
class CompatibilityTest {

    private final Compatibility compatibility = Exercises.pick(streamworkbook.week10.exercises.SchemaCompatibility::new,
            streamworkbook.week10.solutions.SchemaCompatibility::new);

    private static final String BACKWARD = "BACKWARD";
    private static final String FORWARD = "FORWARD";

    @Test
    void aSchemaIsCompatibleWithItself() throws IOException {
        JsonNode v1 = resource("contracts/purchase.schema.json");
        assertProblems("week 7's purchase against itself", Set.of(), v1, v1, Mode.FULL);
    }

    @Test
    void purchaseVersionTwoIsBackwardButNotForwardCompatible() throws IOException {
        JsonNode v1 = resource("contracts/purchase.schema.json");
        JsonNode v2 = resource("contracts/v2/purchase.schema.json");
        // new readers read old purchases: price is unit_price's alias, an integer quantity is a number
        assertProblems("purchase v1 → v2", Set.of(), v1, v2, Mode.BACKWARD);
        // old readers cannot read new purchases
        Set<String> forward = Set.of(FORWARD + " $.price", FORWARD + " $.unit_price", FORWARD + " $.coupon_code", FORWARD + " $.quantity");
        assertProblems("purchase v1 → v2", forward, v1, v2, Mode.FORWARD);
        assertProblems("purchase v1 → v2", forward, v1, v2, Mode.FULL);
    }

    @Test
    void aTypeChangeIsRefusedNamingTheField() throws IOException {
        JsonNode v1 = resource("contracts/purchase.schema.json");
        JsonNode v2 = resource("contracts/v2/purchase.schema.json");
        JsonNode proposal = resource("contracts/purchase-quantity-as-text.schema.json");
        assertProblems("purchase v2 → quantity as text", Set.of(BACKWARD + " $.quantity"), v2, proposal, Mode.BACKWARD);

        ContractRegistry registry = new ContractRegistry(compatibility);
        assertEquals(1, registry.register("shop-purchase-value", v1));
        assertEquals(2, registry.register("shop-purchase-value", v2));
        ContractRegistry.IncompatibleSchemaException refused = assertThrows(ContractRegistry.IncompatibleSchemaException.class,
                () -> registry.register("shop-purchase-value", proposal), "quantity as text must be refused");
        assertTrue(refused.getMessage().contains("$.quantity"), refused.getMessage());
        assertEquals(v2, registry.latest("shop-purchase-value"), "a refused version is not registered");
    }

    @Test
    void requiredFieldsAddedChangedAndRemoved() {
        JsonNode base = closed("\"id\"", "\"id\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\"}");
        JsonNode requiredAdded = closed("\"id\", \"currency\"",
                "\"id\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\"}, \"currency\": {\"type\": \"string\"}");
        assertProblems("a required field added", Set.of(BACKWARD + " $.currency", FORWARD + " $.currency"), base, requiredAdded, Mode.FULL);

        JsonNode noteRequired = closed("\"id\", \"note\"", "\"id\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\"}");
        assertProblems("an optional field made required", Set.of(BACKWARD + " $.note"), base, noteRequired, Mode.FULL);

        JsonNode idRemoved = closed("", "\"note\": {\"type\": \"string\"}");
        assertProblems("a required field removed", Set.of(BACKWARD + " $.id", FORWARD + " $.id"), base, idRemoved, Mode.FULL);

        JsonNode noteRemoved = closed("\"id\"", "\"id\": {\"type\": \"string\"}");
        assertProblems("an optional field removed", Set.of(BACKWARD + " $.note"), base, noteRemoved, Mode.FULL);
    }

    @Test
    void typesWidenOneWayOnly() {
        assertProblems("integer widened to number", Set.of(FORWARD + " $.n"),
                closed("\"n\"", "\"n\": {\"type\": \"integer\"}"), closed("\"n\"", "\"n\": {\"type\": \"number\"}"), Mode.FULL);
        assertProblems("string widened to string or null", Set.of(FORWARD + " $.s"),
                closed("\"s\"", "\"s\": {\"type\": \"string\"}"), closed("\"s\"", "\"s\": {\"type\": [\"string\", \"null\"]}"), Mode.FULL);
        assertProblems("string changed to integer", Set.of(BACKWARD + " $.s", FORWARD + " $.s"),
                closed("\"s\"", "\"s\": {\"type\": \"string\"}"), closed("\"s\"", "\"s\": {\"type\": \"integer\"}"), Mode.FULL);
        assertProblems("const purchase changed to review", Set.of(BACKWARD + " $.type", FORWARD + " $.type"),
                closed("\"type\"", "\"type\": {\"const\": \"purchase\"}"), closed("\"type\"", "\"type\": {\"const\": \"review\"}"), Mode.FULL);
        // a const is a value of its type: a string reader reads it
        assertProblems("const purchase widened to any string", Set.of(FORWARD + " $.type"),
                closed("\"type\"", "\"type\": {\"const\": \"purchase\"}"), closed("\"type\"", "\"type\": {\"type\": \"string\"}"), Mode.FULL);
    }

    @Test
    void aRenameNeedsAnAliasAndContentModelsMatter() {
        JsonNode price = closed("\"price\"", "\"price\": {\"type\": \"number\"}");
        JsonNode renamed = closed("\"unit_price\"", "\"unit_price\": {\"type\": \"number\"}");
        JsonNode aliased = closed("\"unit_price\"", "\"unit_price\": {\"type\": \"number\", \"x-aliases\": [\"price\"]}");
        assertProblems("price renamed unit_price, no alias", Set.of(BACKWARD + " $.unit_price", BACKWARD + " $.price"), price, renamed, Mode.BACKWARD);
        assertProblems("price renamed unit_price with the alias price", Set.of(), price, aliased, Mode.BACKWARD);

        JsonNode open = open("\"id\"", "\"id\": {\"type\": \"string\"}");
        JsonNode openWithCoupon = open("\"id\"", "\"id\": {\"type\": \"string\"}, \"coupon\": {\"type\": \"string\"}");
        JsonNode openWithAnything = open("\"id\"", "\"id\": {\"type\": \"string\"}, \"extra\": {}");
        JsonNode closedAgain = closed("\"id\"", "\"id\": {\"type\": \"string\"}");
        // old open data may already carry "coupon" with a number in it: a new typed property is not backward safe
        assertProblems("open schema: a typed optional field added", Set.of(BACKWARD + " $.coupon"), open, openWithCoupon, Mode.FULL);
        assertProblems("open schema: an untyped optional field added", Set.of(), open, openWithAnything, Mode.FULL);
        assertProblems("an open schema closed", Set.of(BACKWARD + " $"), open, closedAgain, Mode.FULL);
        // a closed old reader refuses the new property
        JsonNode closedWithCoupon = closed("\"id\"", "\"id\": {\"type\": \"string\"}, \"coupon\": {\"type\": \"string\"}");
        assertProblems("closed schema: an optional field added", Set.of(FORWARD + " $.coupon"), closedAgain, closedWithCoupon, Mode.FULL);
    }

    private void assertProblems(String change, Set<String> expected, JsonNode older, JsonNode newer, Mode mode) {
        List<Incompatibility> problems = compatibility.check(older, newer, mode);
        Set<String> found = new TreeSet<>();
        for (Incompatibility p : problems) {
            found.add(p.direction() + " " + p.field());
            assertTrue(p.reason() != null && p.reason().contains(p.field()), change + ": the reason must name the field "
                    + p.field() + ": " + p.reason());
        }
        assertEquals(new TreeSet<>(expected), found, change + ", checked " + mode + " (direction and field of each"
                + " incompatibility; found: " + problems.stream().map(Incompatibility::reason).toList() + ")");
        assertEquals(found.size(), problems.size(), change + ": one incompatibility per field and direction: " + problems);
    }

    private static JsonNode closed(String required, String properties) {
        return schema(required, properties, false);
    }

    private static JsonNode open(String required, String properties) {
        return schema(required, properties, true);
    }

    private static JsonNode schema(String required, String properties, boolean open) {
        String json = "{\"type\": \"object\", \"required\": [" + required + "], \"properties\": {" + properties + "}"
                + (open ? "" : ", \"additionalProperties\": false") + "}";
        try {
            return ShopJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = CompatibilityTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource " + name);
            }
            return ShopJson.mapper().readTree(in);
        }
    }
}
