package streamworkbook.week04.exercises;

import org.apache.flink.connector.kafka.sink.KafkaSink;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.Routing;

/** Exercise 4.6 — your code. The contract is in {@link Routing}; the steps in week04-windows/README.md. */
public class TopicRouter implements Routing {

    @Override
    public KafkaSink<ShopEvent> routeByType(String bootstrapServers, String topicPrefix) {
        // TODO 4.6: KafkaSink.<ShopEvent>builder()
        //  .setBootstrapServers(bootstrapServers)
        //  .setRecordSerializer(KafkaRecordSerializationSchema.<ShopEvent>builder()
        //        .setTopicSelector(...)            // a lambda: event → topicPrefix + event.type().topic()
        //        .setKeySerializationSchema(...)   // event → userId as UTF-8 bytes
        //        .setValueSerializationSchema(...) // ShopJson::toBytes
        //        .build())
        //  .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        //  .build();
        //  Hint: the builder's setters are generic; write .<ShopEvent>setTopicSelector(...) if Java cannot
        //  infer the lambda's type.
        throw new NotImplementedYet("4.6");
    }
}
