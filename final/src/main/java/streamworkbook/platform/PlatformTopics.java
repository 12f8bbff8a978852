package streamworkbook.platform;

import java.util.ArrayList;
import java.util.List;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.week07.ShopGenerator;
import streamworkbook.week10.DeadLetters;

/**
 * The platform's Kafka topics, all under one prefix so that runs (and tests) sharing a broker never see each other's
 * records: the generator's six event topics (week 7), the dead letters (week 10) and the alerts (week 8).
 */
public record PlatformTopics(String prefix) {

    /** Partitions of every topic: the job's parallelism can grow to this without idle source readers. */
    public static final int PARTITIONS = 4;

    public List<String> sources() {
        return ShopGenerator.topics(prefix);
    }

    public String deadLetters() {
        return prefix + DeadLetters.TOPIC;
    }

    public String alerts() {
        return prefix + "shop-alerts";
    }

    public List<String> all() {
        List<String> all = new ArrayList<>(sources());
        all.add(deadLetters());
        all.add(alerts());
        return all;
    }

    /**
     * Creates the missing topics with the broker's default replication: on `./workbook up --kafka-brokers 3` that is
     * 3 replicas with min.insync.replicas 2, so acks=all survives one broker's loss.
     */
    public void create(KafkaEndpoint kafka) {
        kafka.createTopicsIfMissing(all(), PARTITIONS);
    }
}
