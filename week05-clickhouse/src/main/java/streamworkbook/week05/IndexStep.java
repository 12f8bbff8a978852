package streamworkbook.week05;

import java.util.List;

/**
 * One index that {@code EXPLAIN indexes = 1} reports for a read of a MergeTree table: which parts
 * and granules (blocks of {@code index_granularity} rows) were left after using it.
 *
 * @param index            as EXPLAIN names it: {@code Min-Max}, {@code Partition}, {@code PrimaryKey}, or a skip index
 * @param keys             the columns or expressions of the index, in the order EXPLAIN lists them
 * @param partsSelected    parts left after this index
 * @param partsTotal       parts this index looked at
 * @param granulesSelected granules left after this index
 * @param granulesTotal    granules this index looked at
 */
public record IndexStep(String index, List<String> keys, long partsSelected, long partsTotal,
                        long granulesSelected, long granulesTotal) {
}
