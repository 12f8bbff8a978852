package streamworkbook.week01;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopTraffic;

/** Known input for the tests, and the per-key sequences the checks compare. */
final class TestEvents {

    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private TestEvents() {
    }

    static List<ShopEvent> generate(long seed, int users, int count) {
        return ShopTraffic.seed(seed).users(users).startingAt(START).gap(Duration.ZERO, Duration.ofSeconds(2)).take(count);
    }

    /** The failures of a publish run, shortened for an assertion message. */
    static String failures(PublishResult result) {
        return result.failed().size() + " sends failed" + result.failed().stream().limit(3)
                .map(f -> "\n  " + f.event().eventId() + " (" + f.event().type().wireName() + "): " + f.error())
                .collect(Collectors.joining()) + (result.failed().size() > 3 ? "\n  …" : "");
    }

    static Set<String> ids(List<ShopEvent> events) {
        return events.stream().map(ShopEvent::eventId).collect(Collectors.toSet());
    }

    /** "topic|user" → the event ids of that user on that topic, in the given order. */
    static Map<String, List<String>> sequencesPerTopicAndUser(ShopTopics topics, List<ShopEvent> events) {
        Map<String, List<String>> sequences = new LinkedHashMap<>();
        for (ShopEvent e : events) {
            sequences.computeIfAbsent(topics.name(e.type()) + "|" + e.userId(), k -> new ArrayList<>()).add(e.eventId());
        }
        return sequences;
    }
}
