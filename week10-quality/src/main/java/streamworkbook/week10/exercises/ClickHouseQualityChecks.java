package streamworkbook.week10.exercises;

import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week10.QualityChecks;

/**
 * Exercise 10.4 — completeness, freshness, duplicates, missing and out-of-range values, each as one ClickHouse query.
 *
 * @see QualityChecks the contract
 * @see <a href="../../../../../../README.md#104-quality-checks-in-clickhouse">week10-quality/README.md#104-quality-checks-in-clickhouse</a>
 */
public class ClickHouseQualityChecks implements QualityChecks {

    @Override
    public String completeness() {
        throw new NotImplementedYet("10.4");
    }

    @Override
    public String freshness() {
        throw new NotImplementedYet("10.4");
    }

    @Override
    public String duplicates() {
        throw new NotImplementedYet("10.4");
    }

    @Override
    public String nulls() {
        throw new NotImplementedYet("10.4");
    }

    @Override
    public String outOfRange() {
        throw new NotImplementedYet("10.4");
    }
}
