package streamworkbook.week07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 7.3: every valid event keeps its contract; each contract rejects a named bad event, naming the field and
 * the rule; all problems of a record are reported.
 *
 * <p>Rejects:
 * <ul>
 *   <li>{@code format} left as an annotation (draft 2020-12's default): {@code "event_time": "yesterday"} and an
 *       event id that is not a UUID pass;</li>
 *   <li>one schema for every type (e.g. always purchase's), or a schema chosen by the topic's guess: a search with a
 *       quantity, or a review without a product, is judged by the wrong rules;</li>
 *   <li>a missing required field reported at its parent ({@code $}) instead of at the field ({@code $.event_id});</li>
 *   <li>only the first problem reported (fail-fast);</li>
 *   <li>an exception instead of a violation for a record that is not JSON, or has no type.</li>
 * </ul>
 */
@Exercise("7.3")
class ContractsTest {

    private static final String ID = "0f4d3f9e-3c3e-4a77-9d6c-2b1b0b5e9a10";
    private static final String BASE = "\"event_id\":\"" + ID + "\",\"event_time\":\"2026-11-28T09:15:00.250Z\","
            + "\"user_id\":\"u-42\",\"session_id\":\"s-1\"";

    private final ContractCheck contracts = Exercises.pick(streamworkbook.week07.exercises.SchemaContracts::new,
            streamworkbook.week07.solutions.SchemaContracts::new);

    @Test
    void validEventsOfEveryTypeKeepTheirContract() throws Exception {
        Catalogue catalogue = TestCatalogue.catalogue();
        Random random = new Random(73);
        ShopTexts texts = new ShopTexts(random);
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        var model = new streamworkbook.week07.solutions.FunnelSession();
        for (int i = 0; i < 400; i++) {
            for (ShopEvent e : model.session(new SessionStart(catalogue.pickUser(random), "s-" + i, Instant.parse("2026-11-28T09:00:00Z")),
                    catalogue, Funnel.typical(), texts, random)) {
                assertEquals(List.of(), contracts.check(ShopJson.toBytes(e)), ShopJson.toJson(e));
                seen.add(e.type());
            }
        }
        assertEquals(EnumSet.allOf(EventType.class), seen, "event types checked");
    }

    static Stream<Arguments> badEvents() {
        return Stream.of(
                bad("a purchase without its event id", "{" + BASE.replace("\"event_id\":\"" + ID + "\",", "")
                        + ",\"type\":\"purchase\",\"order_id\":\"o-1\",\"product_id\":\"SKU-000001\",\"quantity\":1,\"price\":9.99}",
                        "$.event_id", "required"),
                bad("an event id that is not a UUID", "{" + BASE.replace(ID, "12345") + ",\"type\":\"page_view\",\"page\":\"/\"}",
                        "$.event_id", "format"),
                bad("a page view at \"yesterday\"", "{" + BASE.replace("2026-11-28T09:15:00.250Z", "yesterday")
                        + ",\"type\":\"page_view\",\"page\":\"/\"}", "$.event_time", "format"),
                bad("nothing in the cart", "{" + BASE + ",\"type\":\"add_to_cart\",\"product_id\":\"SKU-000001\",\"quantity\":0,\"price\":9.99}",
                        "$.quantity", "minimum"),
                bad("a price as text", "{" + BASE + ",\"type\":\"purchase\",\"order_id\":\"o-1\",\"product_id\":\"SKU-000001\","
                        + "\"quantity\":1,\"price\":\"9.99\"}", "$.price", "type"),
                bad("six stars", "{" + BASE + ",\"type\":\"review\",\"product_id\":\"SKU-000001\",\"rating\":6}", "$.rating", "maximum"),
                bad("a review of nothing", "{" + BASE + ",\"type\":\"review\",\"rating\":4}", "$.product_id", "required"),
                bad("a user id that is a bare number", "{" + BASE.replace("\"u-42\"", "42")
                        + ",\"type\":\"remove_from_cart\",\"product_id\":\"SKU-000001\",\"quantity\":1,\"price\":9.99}", "$.user_id", "type"),
                bad("a user id without its prefix", "{" + BASE.replace("u-42", "42") + ",\"type\":\"search\",\"query\":\"lamp\"}",
                        "$.user_id", "pattern"),
                bad("a search with a cart's fields", "{" + BASE + ",\"type\":\"search\",\"query\":\"lamp\",\"quantity\":1}",
                        "$.quantity", "additionalProperties"),
                bad("a misspelt field", "{" + BASE + ",\"type\":\"search\",\"qeury\":\"lamp\"}", "$.query", "required"),
                bad("an unknown type", "{" + BASE + ",\"type\":\"checkout\"}", "$.type", "enum"),
                bad("no type at all", "{" + BASE + "}", "$.type", "required"),
                bad("a record cut in half", "{" + BASE.substring(0, 40), "$", "json"));
    }

    private static Arguments bad(String what, String json, String field, String rule) {
        return Arguments.of(what, json, field, rule);
    }

    @ParameterizedTest(name = "{0}: {2} ({3})")
    @MethodSource("badEvents")
    void eachContractRejectsANamedBadEventNamingTheFieldAndRule(String what, String json, String field, String rule) {
        List<Violation> violations = contracts.check(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(violations.stream().anyMatch(v -> v.field().equals(field) && v.rule().equals(rule)),
                what + ": expected a violation of " + field + " (" + rule + "), got " + violations);
        String name = field.equals("$") ? "" : field.substring(2);
        assertTrue(violations.stream().anyMatch(v -> v.field().equals(field) && v.message().contains(name)),
                what + ": the message names the field '" + name + "': " + violations);
    }

    @Test
    void everyProblemOfARecordIsReported() {
        String json = "{" + BASE.replace("2026-11-28T09:15:00.250Z", "soon") + ",\"type\":\"purchase\",\"order_id\":\"o-1\","
                + "\"quantity\":-2,\"price\":0}";
        List<Violation> violations = contracts.check(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("$.event_time format", "$.price exclusiveMinimum", "$.product_id required", "$.quantity minimum"),
                violations.stream().map(v -> v.field() + " " + v.rule()).sorted().toList(), violations.toString());
    }

    /** Late events are valid events: an old event time breaks no contract. */
    @Test
    void anOldEventTimeIsNotAViolation() {
        ShopEvent old = ShopEvent.pageView(ID, Instant.parse("2026-11-28T09:00:00Z").minus(Duration.ofDays(30)),
                "u-7", "s-7", "/", null);
        assertEquals(List.of(), contracts.check(ShopJson.toBytes(old)));
    }
}
