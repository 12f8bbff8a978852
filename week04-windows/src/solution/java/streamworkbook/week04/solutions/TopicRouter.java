package streamworkbook.week04.solutions;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week04.Routing;

/** Reference solution of exercise 4.6. */
public class TopicRouter implements Routing {

    @Override
    public KafkaSink<ShopEvent> routeByType(String bootstrapServers, String topicPrefix) {
        KafkaRecordSerializationSchema<ShopEvent> serializer = KafkaRecordSerializationSchema.<ShopEvent>builder()
                // chosen per record: one sink writes to six topics
                .<ShopEvent>setTopicSelector(event -> topicPrefix + event.type().topic())
                // same user → same partition → the user's events stay in order for consumers
                .<ShopEvent>setKeySerializationSchema(event -> event.userId().getBytes(StandardCharsets.UTF_8))
                .<ShopEvent>setValueSerializationSchema(ShopJson::toBytes)
                .build();
        return KafkaSink.<ShopEvent>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(serializer)
                // flush on every checkpoint: nothing is lost, a replay after a failure may duplicate.
                // EXACTLY_ONCE would write in Kafka transactions, committed with each checkpoint.
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
