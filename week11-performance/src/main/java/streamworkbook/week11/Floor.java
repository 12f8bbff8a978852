package streamworkbook.week11;

import java.io.ByteArrayOutputStream;
import java.util.function.BooleanSupplier;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 11.1 — the floor: Kafka to ClickHouse with nothing in between. A plain consumer parses the same JSON as
 * the Flink job and inserts the same rows, as RowBinary batches over ClickHouse's HTTP interface. Whatever the
 * pipeline costs on top of this is what Flink (and the JDBC sink) cost; the benchmark reports the ratio.
 */
public interface Floor {

    /** What a run did. */
    record Result(long events, long skipped, long inserts) {
    }

    /**
     * Appends {@code event} to {@code out} as one row of {@code EventsTable.COLUMNS} in ClickHouse's RowBinary format,
     * the columns in their order. The row is the one week 6's JDBC sink writes for the same event: a field the event
     * lacks is the column's default ({@code ""}, 0); {@code event_type} is the wire name ({@code page_view});
     * {@code event_time} the event's instant to the millisecond.
     */
    void writeRow(ShopEvent event, ByteArrayOutputStream out);

    /**
     * Reads {@code job.partitions()} from the earliest offset not yet committed by {@code job.groupId()} (from the
     * beginning if none), parses each record's value as a shop event, and inserts the events into {@code job.table()}
     * with requests {@code INSERT INTO <table> FORMAT RowBinary} of {@code job.batchSize()} rows — fewer only when a
     * row has waited {@code job.maxDelay()}, or at the end of a bounded run. It commits the group's offsets of a
     * batch's records only once ClickHouse has accepted the batch; an INSERT that fails ends the run with an exception,
     * committing nothing more. A record that is not a shop event is skipped and counted. With {@code job.untilEnd()} it
     * returns once every partition is read up to its end offset at the start; otherwise once {@code stop} says so
     * (checked at least every 100 ms), after sending what it holds.
     */
    Result run(FloorJob job, BooleanSupplier stop);
}
