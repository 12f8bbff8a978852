package streamworkbook.week01;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopTraffic;

/**
 * Publishes generated shop events with your {@link EventPublisher} (exercise 1.2).
 *
 * <pre>./workbook run week01 ProducerApp --count 10000 --users 50 --rate 500</pre>
 */
@Command(name = "ProducerApp", mixinStandardHelpOptions = true,
        description = "Publishes simple, deterministic shop events to the shop-* topics with your exercise 1.2 publisher.")
public class ProducerApp implements Callable<Integer> {

    @Mixin
    Apps.KafkaServers kafkaServers;

    @Option(names = "--count", defaultValue = "1000", description = "how many events (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--rate", defaultValue = "0", description = "events per second; 0 = as fast as possible (default)")
    double rate;

    @Option(names = "--users", defaultValue = "100", description = "how many distinct users (default: ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--seed", defaultValue = "42", description = "the same seed gives the same events (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--prefix", defaultValue = "", description = "topic name prefix (default: none, i.e. shop-page-view …)")
    String prefix;

    public static void main(String[] args) {
        Apps.main(new ProducerApp(), args);
    }

    @Override
    public Integer call() {
        KafkaEndpoint kafka = kafkaServers.connect();
        EventPublisher publisher = Exercises.pick(
                streamworkbook.week01.exercises.JsonEventPublisher::new,
                streamworkbook.week01.solutions.JsonEventPublisher::new);
        ShopTopics topics = new ShopTopics(prefix);
        Map<EventType, Integer> perType = new EnumMap<>(EventType.class);
        // events are 0–2 s apart, 1 s on average: start that far back, so the last ones are about now
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(count);
        ShopTraffic generator = ShopTraffic.seed(seed).users(users).startingAt(start)
                .gap(Duration.ZERO, Duration.ofSeconds(2)).build();

        System.out.printf("Publishing %d events from %d users to %s%s on %s …%n", count, users,
                topics.name(EventType.PAGE_VIEW).replace("page-view", "*"),
                rate > 0 ? " at " + rate + " events/s" : "", kafka.bootstrapServers());
        long started = System.nanoTime();
        PublishResult result = publisher.publish(kafka.clientConfig(), topics,
                () -> paced(generator, perType));
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("Done in %.1f s (%.0f events/s): %d acknowledged, %d failed%n",
                seconds, count / Math.max(seconds, 1e-3), result.acked(), result.failed().size());
        perType.forEach((type, n) -> System.out.printf("  %-22s %,8d%n", topics.name(type), n));
        result.failed().stream().limit(5).forEach(f ->
                System.out.printf("  failed %s (%s): %s%n", f.event().eventId(), f.event().type().wireName(), f.error()));
        return result.failed().isEmpty() ? 0 : 1;
    }

    /** The next {@code count} events, handed out no faster than {@code rate} per second. */
    private Iterator<ShopEvent> paced(ShopTraffic generator, Map<EventType, Integer> perType) {
        long started = System.nanoTime();
        return new Iterator<>() {
            private int handedOut;

            @Override
            public boolean hasNext() {
                return handedOut < count;
            }

            @Override
            public ShopEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (rate > 0) {
                    long due = started + (long) (handedOut / rate * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleep(wait);
                    }
                }
                handedOut++;
                ShopEvent event = generator.next();
                perType.merge(event.type(), 1, Integer::sum);
                return event;
            }
        };
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
