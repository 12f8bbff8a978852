package streamworkbook.week11.exercises;

import java.io.ByteArrayOutputStream;
import java.util.function.BooleanSupplier;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week11.Floor;
import streamworkbook.week11.FloorJob;

/**
 * Exercise 11.1 — the floor: a plain Kafka consumer that writes the pipeline's rows into ClickHouse as RowBinary
 * batches, with no Flink. The contract is in {@link Floor}; the goal and hints in
 * week11-performance/README.md#111-the-floor-a-plain-consumer.
 */
public class RowBinaryFloor implements Floor {

    @Override
    public void writeRow(ShopEvent event, ByteArrayOutputStream out) {
        throw new NotImplementedYet("11.1");
    }

    @Override
    public Result run(FloorJob job, BooleanSupplier stop) {
        throw new NotImplementedYet("11.1");
    }
}
