package streamworkbook.week07.exercises;

import java.time.Instant;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week07.Seasonality;
import streamworkbook.week07.TrafficShape;

/**
 * Exercise 7.2 — how busy the shop is at an instant: the day's peak, the weekend, promotions, averaging 1.
 * The contract is in {@link Seasonality}; the goal and hints in week07-generator/README.md#72-the-shops-rhythm.
 */
public class ShopRhythm implements Seasonality {

    public ShopRhythm(TrafficShape shape) {
    }

    @Override
    public double weight(Instant t) {
        throw new NotImplementedYet("7.2");
    }
}
