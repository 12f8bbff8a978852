package streamworkbook.week10;

import java.io.Serializable;
import java.util.List;
import streamworkbook.week07.Violation;

/**
 * The rules a record must keep to enter the pipeline. Serializable, because Flink ships it to every parallel
 * instance of the validation; an implementation builds what it needs there, on first use.
 */
public interface RecordRules extends Serializable {

    /**
     * Every rule the record breaks, in the order the rules are checked; an empty list when it keeps them all. A
     * {@code null} value (a tombstone) breaks {@code $}, rule {@code json}. An implementation may throw on a record
     * it cannot check (a bug in a rule): the caller decides what happens to that record.
     */
    List<Violation> check(byte[] value);
}
