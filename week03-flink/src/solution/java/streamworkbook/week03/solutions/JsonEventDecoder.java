package streamworkbook.week03.solutions;

import java.io.IOException;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import streamworkbook.kit.shop.InvalidEventException;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week03.EventDecoder;

/** Reference solution of exercise 3.1. */
public class JsonEventDecoder implements EventDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(JsonEventDecoder.class);

    // The decoder is serialized with the job graph and opened on the task manager: a Counter is created
    // there, per parallel instance, and is not part of the serialized form.
    private transient Counter malformed;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        malformed = context.getMetricGroup().counter(MALFORMED_RECORDS);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ShopEvent> out) throws IOException {
        try {
            out.collect(ShopJson.fromBytes(record.value()));
        } catch (InvalidEventException e) {
            // Throwing here would fail the job, and after a restart it would read the same record and fail
            // again: a "poison pill". Count it, say where it was, and move on.
            malformed.inc();
            LOG.warn("skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    @Override
    public TypeInformation<ShopEvent> getProducedType() {
        // ShopEvent is a record of basic types: Flink's POJO serializer handles it, no Kryo.
        return TypeInformation.of(ShopEvent.class);
    }
}
