package streamworkbook.week06.exercises;

import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week06.IdempotentEvents;

/**
 * Exercise 6.2 — an {@code events} table and two queries for which an event written twice counts once, before
 * and after ClickHouse merges the parts.
 *
 * @see IdempotentEvents the contract
 * @see <a href="../../../../../../README.md#62-idempotent-writes">week06-sink/README.md#62-idempotent-writes</a>
 */
public class ReplacingEvents implements IdempotentEvents {

    @Override
    public String createEventsTable() {
        throw new NotImplementedYet("6.2");
    }

    @Override
    public String countsByType() {
        throw new NotImplementedYet("6.2");
    }

    @Override
    public String distinctEvents() {
        throw new NotImplementedYet("6.2");
    }
}
