package streamworkbook.week03.exercises;

import java.io.IOException;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.flink.util.Collector;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week03.EventDecoder;

/** Exercise 3.1 — your code. The contract is in {@link EventDecoder}; the steps in week03-flink/README.md. */
public class JsonEventDecoder implements EventDecoder {

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        // TODO 3.1 (part 1): register the counter here, once per parallel source instance:
        //  malformed = context.getMetricGroup().counter(MALFORMED_RECORDS);
        //  Keep it in a field marked `transient`: this object is serialized and shipped to the task
        //  managers before open() runs there, and a Counter is not serializable.
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ShopEvent> out) throws IOException {
        // TODO 3.1 (part 2): parse record.value() with ShopJson.fromBytes(...) and out.collect(...) the event.
        //  Catch InvalidEventException (ShopJson throws it for anything that is not a shop event, also a
        //  null value): increment the counter and return without collecting anything.
        //  Hint: catch only InvalidEventException. Any other exception is a bug, and should fail loudly.
        throw new NotImplementedYet("3.1");
    }

    @Override
    public TypeInformation<ShopEvent> getProducedType() {
        return TypeInformation.of(ShopEvent.class);
    }
}
