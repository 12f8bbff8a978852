package streamworkbook.week05;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The small, known shop of the week-5 tests: six users over four days, six products in two categories;
 * every number in the tests' expected results can be checked by hand from this list.
 */
final class TestEvents {

    record Event(String type, String time, String user, String product, int quantity, String price, String order) {

        UUID id() {
            return UUID.nameUUIDFromBytes((type + time + user + product + order).getBytes());
        }

        Instant instant() {
            return Instant.parse(time.replace(' ', 'T') + "Z");
        }

        String session() {
            return user + "-" + time.substring(0, 10);
        }

        BigDecimal revenue() {
            return type.equals("purchase") ? new BigDecimal(price).multiply(BigDecimal.valueOf(quantity)) : BigDecimal.ZERO;
        }

        String values() {
            return String.format("('%s', '%s', '%s', '%s', '%s', '%s', %d, %s, '%s', 0, '%s', '%s')",
                    id(), type, time, user, session(), product, quantity, price, order,
                    type.equals("search") ? "kafka book" : "", type.equals("page_view") ? "/product" : "");
        }
    }

    private static Event view(String time, String user, String product) {
        return new Event("page_view", time, user, product, 0, "0", "");
    }

    private static Event cart(String time, String user, String product, int quantity, String price) {
        return new Event("add_to_cart", time, user, product, quantity, price, "");
    }

    private static Event purchase(String time, String user, String product, int quantity, String price, String order) {
        return new Event("purchase", time, user, product, quantity, price, order);
    }

    static final List<Event> DAY_ONE = List.of(
            view("2026-11-24 10:00:05.000", "u1", "p-1"),
            view("2026-11-24 10:00:20.000", "u2", "p-2"),
            cart("2026-11-24 10:00:40.000", "u1", "p-1", 1, "20.00"),
            cart("2026-11-24 10:00:50.000", "u2", "p-2", 2, "15.00"),
            purchase("2026-11-24 10:01:10.000", "u1", "p-1", 1, "20.00", "o1"),
            view("2026-11-24 10:01:30.000", "u3", "p-4"),
            purchase("2026-11-24 10:02:00.000", "u3", "p-4", 1, "50.00", "o2"), // bought without a cart
            view("2026-11-24 11:15:00.000", "u4", "p-3"),
            cart("2026-11-24 11:16:00.000", "u4", "p-3", 3, "12.50"),
            purchase("2026-11-24 11:20:00.000", "u4", "p-3", 3, "12.50", "o3"),
            purchase("2026-11-24 11:20:00.000", "u4", "p-5", 1, "40.00", "o3"),
            new Event("search", "2026-11-24 11:30:00.000", "u5", "", 0, "0", ""),
            // u2 comes back after lunch: more than an hour after the view, so the funnel counts u2 up to the cart only;
            // and p-8 ties with p-5 in games (40.00 each)
            purchase("2026-11-24 11:40:00.000", "u2", "p-8", 2, "20.00", "o5"));

    static final List<Event> LATER = List.of(
            view("2026-11-25 09:00:00.000", "u1", "p-2"),
            purchase("2026-11-25 10:05:00.000", "u1", "p-2", 1, "15.00", "o4"),
            view("2026-11-25 12:00:00.000", "u4", "p-1"),
            view("2026-11-25 13:00:00.000", "u6", "p-1"),
            view("2026-11-26 13:00:00.000", "u6", "p-2"),
            view("2026-12-01 08:00:00.000", "u2", "p-2"),
            view("2026-12-01 09:00:00.000", "u4", "p-5"));

    static final String PRODUCTS = "INSERT INTO products VALUES ('p-1', 'Kafka in Action', 'books'),"
            + " ('p-2', 'Streaming Systems', 'books'), ('p-3', 'Designing Data-Intensive Applications', 'books'),"
            + " ('p-4', 'Chess set', 'games'), ('p-5', 'Go board', 'games'), ('p-8', 'Jigsaw puzzle', 'games')";

    private TestEvents() {
    }

    static String insert(List<Event> events) {
        return "INSERT INTO events (event_id, event_type, event_time, user_id, session_id, product_id, quantity, price,"
                + " order_id, rating, query, page) VALUES "
                + events.stream().map(Event::values).collect(Collectors.joining(", "));
    }
}
