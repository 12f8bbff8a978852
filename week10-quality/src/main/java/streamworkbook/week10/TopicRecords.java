package streamworkbook.week10;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import streamworkbook.kit.infra.KafkaEndpoint;

/** How many records topics hold, from their offsets alone (no record is read). */
public final class TopicRecords {

    private TopicRecords() {
    }

    /**
     * End offsets minus start offsets over every partition of the topics: the records they hold, as long as nothing
     * in them is compacted or part of a transaction (true of the shop's topics). A topic that does not exist holds 0.
     */
    public static long count(KafkaEndpoint kafka, Collection<String> topics) {
        try (Admin admin = kafka.admin()) {
            List<String> existing = admin.listTopics().names().get().stream().filter(topics::contains).toList();
            List<TopicPartition> partitions = admin.describeTopics(existing).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
            return sum(admin, partitions, OffsetSpec.latest()) - sum(admin, partitions, OffsetSpec.earliest());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + topics + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static long sum(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        return admin.listOffsets(request).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    }
}
