package streamworkbook.week10.exercises;

import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week10.Purchase;
import streamworkbook.week10.PurchaseReader;

/**
 * Exercise 10.2 — read purchases of contract versions 1 and 2 (and later ones) into one {@link Purchase}.
 *
 * @see PurchaseReader the contract
 * @see <a href="../../../../../../README.md#102-a-tolerant-reader">week10-quality/README.md#102-a-tolerant-reader</a>
 */
public class TolerantPurchaseReader implements PurchaseReader {

    @Override
    public Purchase read(byte[] json) {
        throw new NotImplementedYet("10.2");
    }
}
