package streamworkbook.week08.exercises;

import java.util.List;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week08.QueryTuning;

/**
 * Exercise 8.6 — the same answers for a tenth of the reading: a table designed for the dashboard's questions.
 *
 * @see QueryTuning the contract
 * @see streamworkbook.week08.NaiveEvents the naive table and questions
 * @see <a href="../../../../../../README.md#86-query-optimisation">week08-analytics/README.md#86-query-optimisation</a>
 */
public class TunedEvents implements QueryTuning {

    @Override
    public List<String> createTable() {
        throw new NotImplementedYet("8.6");
    }

    @Override
    public String revenuePerMinute() {
        throw new NotImplementedYet("8.6");
    }

    @Override
    public String orderLookup() {
        throw new NotImplementedYet("8.6");
    }

    @Override
    public String userActivity() {
        throw new NotImplementedYet("8.6");
    }
}
