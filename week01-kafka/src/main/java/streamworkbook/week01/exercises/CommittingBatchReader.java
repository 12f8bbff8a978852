package streamworkbook.week01.exercises;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week01.BatchReader;
import streamworkbook.week01.ConsumedEvent;

/**
 * Exercise 1.4 — take exactly the records you were asked for, commit exactly those, and let the next reader of
 * the group carry on at the first record you did not take.
 *
 * @see BatchReader the contract
 * @see "week01-kafka/README.md#14-resume-from-committed-offsets (hints: ./workbook hint 1.4)"
 */
public class CommittingBatchReader implements BatchReader {

    @Override
    public List<ConsumedEvent> read(Map<String, Object> config, String groupId, String topic, int maxRecords, Duration timeout) {
        throw new NotImplementedYet("1.4");
    }
}
