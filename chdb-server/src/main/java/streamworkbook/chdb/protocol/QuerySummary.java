package streamworkbook.chdb.protocol;

/**
 * The {@code X-ClickHouse-Summary} header: progress counters of a finished query.
 * Clients read it to learn how many rows an INSERT wrote ({@code executeBatch()} counts come
 * from {@code written_rows}). ClickHouse sends every number as a JSON string.
 */
public record QuerySummary(long readRows, long readBytes, long writtenRows, long writtenBytes,
                           long resultRows, long resultBytes, long elapsedNanos) {

    public String toJson() {
        return "{\"read_rows\":\"" + readRows + "\",\"read_bytes\":\"" + readBytes
                + "\",\"written_rows\":\"" + writtenRows + "\",\"written_bytes\":\"" + writtenBytes
                + "\",\"total_rows_to_read\":\"" + readRows
                + "\",\"result_rows\":\"" + resultRows + "\",\"result_bytes\":\"" + resultBytes
                + "\",\"elapsed_ns\":\"" + elapsedNanos + "\"}";
    }
}
