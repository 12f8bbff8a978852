package streamworkbook.week01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.shop.EventType;

/**
 * Exercise 1.1: the six shop topics, created once with the requested layout and settings; a topic that already
 * exists is reported as it is; every other error is thrown.
 *
 * <p>Rejects:
 * <ul>
 *   <li>every {@code ExecutionException} treated as "already exists": a replication factor of 3 on a one-broker
 *       cluster must be thrown ({@code InvalidReplicationFactorException}), not swallowed;</li>
 *   <li>{@code catch (TopicExistsException e)} around {@code get()}: the admin client wraps it in an
 *       {@code ExecutionException}, so a second run fails;</li>
 *   <li>{@code createTopics(...).all().get()} with "exists" meaning all six exist: when one topic existed, the five
 *       others were created all the same and must be reported as created;</li>
 *   <li>an existing topic reported with the requested layout instead of its own (1 partition, not 2 or 4);</li>
 *   <li>the topic settings left out ({@code min.insync.replicas}, {@code retention.ms} must be set on each topic,
 *       not inherited from the broker);</li>
 *   <li>reports in another order than {@code topics.all()}.</li>
 * </ul>
 */
@Exercise("1.1")
class TopicCreatorTest {

    private static final Map<String, String> CONFIG = Map.of(
            "min.insync.replicas", "1",
            "retention.ms", "86400000");

    private final TopicCreator creator = Exercises.pick(
            streamworkbook.week01.exercises.ShopTopicCreator::new,
            streamworkbook.week01.solutions.ShopTopicCreator::new);

    private Admin admin;

    @BeforeEach
    void connect() {
        admin = KafkaFixtures.kafka().admin();
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    @Test
    void createsOneTopicPerEventTypeWithPartitionsAndConfig() throws Exception {
        ShopTopics topics = KafkaFixtures.uniqueTopics();

        List<TopicReport> reports = creator.createTopics(admin, topics, 3, (short) 1, CONFIG);

        assertEquals(List.of(
                new TopicReport(topics.prefix() + "shop-page-view", true, 3, 1),
                new TopicReport(topics.prefix() + "shop-search", true, 3, 1),
                new TopicReport(topics.prefix() + "shop-add-to-cart", true, 3, 1),
                new TopicReport(topics.prefix() + "shop-remove-from-cart", true, 3, 1),
                new TopicReport(topics.prefix() + "shop-purchase", true, 3, 1),
                new TopicReport(topics.prefix() + "shop-review", true, 3, 1)), reports);

        KafkaFixtures.awaitReady(topics.all());

        // the cluster agrees (once the broker has caught up with the controller): the topics exist with 3 partitions of 1 replica each …
        assertTrue(admin.listTopics().names().get().containsAll(topics.all()), "all six topics are listed");
        Map<String, TopicDescription> described = admin.describeTopics(topics.all()).allTopicNames().get();
        for (String name : topics.all()) {
            TopicDescription d = described.get(name);
            assertEquals(3, d.partitions().size(), name + " partitions");
            d.partitions().forEach(p -> assertEquals(1, p.replicas().size(), name + " replicas of partition " + p.partition()));
        }
        // … and the settings are set on each topic itself (not inherited from the broker's defaults)
        for (String name : topics.all()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            for (Map.Entry<String, String> wanted : CONFIG.entrySet()) {
                ConfigEntry entry = config.get(wanted.getKey());
                assertEquals(wanted.getValue(), entry.value(), name + " " + wanted.getKey());
                assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, entry.source(), name + " " + wanted.getKey() + " source");
            }
        }
    }

    @Test
    void creatingAgainIsIdempotentAndKeepsExistingTopics() throws Exception {
        ShopTopics topics = KafkaFixtures.uniqueTopics();
        String purchases = topics.name(EventType.PURCHASE);
        KafkaFixtures.createTopics(List.of(purchases), 1); // someone created this one before us

        List<TopicReport> first = creator.createTopics(admin, topics, 2, (short) 1, CONFIG);
        assertEquals(topics.all().stream()
                .map(n -> n.equals(purchases) ? new TopicReport(n, false, 1, 1) : new TopicReport(n, true, 2, 1))
                .toList(), first, "reports when " + purchases + " already existed with 1 partition: that one as it is,"
                + " the five others created by this call with 2");

        KafkaFixtures.awaitReady(topics.all());
        // a second run creates nothing, fails on nothing, and changes nothing (not even with other settings)
        List<TopicReport> second = creator.createTopics(admin, topics, 4, (short) 1, CONFIG);
        assertEquals(topics.all().stream()
                .map(n -> new TopicReport(n, false, n.equals(purchases) ? 1 : 2, 1))
                .toList(), second, "reports of a second run, which asked for 4 partitions: nothing created, every"
                + " topic with the layout it already had");
    }

    @Test
    void otherErrorsAreNotSwallowed() {
        ShopTopics topics = KafkaFixtures.uniqueTopics();

        // this cluster has one broker: three replicas per partition cannot be placed
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> creator.createTopics(admin, topics, 1, (short) 3, CONFIG));
        assertInstanceOf(InvalidReplicationFactorException.class, failure.getCause(),
                "the broker's refusal of 3 replicas on a one-broker cluster must reach the caller as the cause");
    }
}
