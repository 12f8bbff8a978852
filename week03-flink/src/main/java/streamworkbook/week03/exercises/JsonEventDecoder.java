package streamworkbook.week03.exercises;

import java.io.IOException;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week03.EventDecoder;

/**
 * Exercise 3.1 — decode Kafka records into shop events; count and skip the ones that are not, so that one bad
 * record never stops the job.
 *
 * <p>The contract is {@link EventDecoder}; the goal and graded hints are in
 * {@code week03-flink/README.md#31-decode-events-and-skip-bad-records} ({@code ./workbook hint 3.1}).
 */
public class JsonEventDecoder implements EventDecoder {

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        throw new NotImplementedYet("3.1");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ShopEvent> out) throws IOException {
        throw new NotImplementedYet("3.1");
    }

    @Override
    public TypeInformation<ShopEvent> getProducedType() {
        throw new NotImplementedYet("3.1");
    }
}
