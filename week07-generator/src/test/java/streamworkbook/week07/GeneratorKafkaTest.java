package streamworkbook.week07;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.EventType;
import streamworkbook.week07.solutions.FunnelSession;
import streamworkbook.week07.solutions.SchemaContracts;
import streamworkbook.week07.solutions.ShopRhythm;
import streamworkbook.week07.solutions.SteadyPacer;

/**
 * The generator into a real broker: every record it counts as sent is in its type's topic, keyed by user, and the
 * broken ones are exactly those the contracts reject.
 */
class GeneratorKafkaTest {

    @Test
    void everySentRecordIsInItsTypesTopicAndTheBrokenOnesAreThoseTheContractsReject() throws Exception {
        GeneratorSettings settings = GeneratorSettings.builder(8, Instant.parse("2026-11-23T00:00:00Z"))
                .disorder(new DisorderRates(0.02, Duration.ofSeconds(30), 0.01, 0.02)).build();
        Catalogue catalogue = TestCatalogue.catalogue();
        ShopGenerator generator = new ShopGenerator(settings, catalogue, new FunnelSession(), new ShopRhythm(settings.shape()),
                new SchemaContracts());
        KafkaEndpoint kafka = Infra.kafka();
        String prefix = UniqueNames.next("w7") + "-";
        kafka.createTopicsIfMissing(ShopGenerator.topics(prefix), 2);

        GeneratorStats stats = generator.send(kafka, prefix, new SteadyPacer(Pacing.unlimited(), Ticker.SYSTEM),
                ShopGenerator.Limit.records(8_000), sent -> { });

        assertEquals(8_000, stats.sent(), stats.toString());
        assertEquals(0, stats.refused(), stats.refusals().toString());
        Map<EventType, Long> inKafka = new EnumMap<>(EventType.class);
        ContractCheck contracts = new SchemaContracts();
        CatalogueCheck inCatalogue = new CatalogueCheck(catalogue);
        long rejected = 0;
        for (ConsumerRecord<String, byte[]> r : readAll(kafka, ShopGenerator.topics(prefix))) {
            inKafka.merge(EventType.fromWireName(r.topic().substring(prefix.length() + "shop-".length()).replace('-', '_')), 1L, Long::sum);
            if (!contracts.check(r.value()).isEmpty() || !inCatalogue.check(r.value()).isEmpty()) {
                rejected++;
            }
        }
        assertEquals(stats.sentByType(), inKafka, "records per topic");
        assertEquals(stats.sent(GeneratedRecord.Kind.INVALID), rejected, "records that break their contract");
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(KafkaEndpoint kafka, List<String> topics) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> all = new java.util.ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
            return all;
        }
    }
}
