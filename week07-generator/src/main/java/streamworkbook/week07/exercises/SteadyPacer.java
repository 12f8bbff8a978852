package streamworkbook.week07.exercises;

import java.time.Instant;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week07.Pacer;
import streamworkbook.week07.Pacing;
import streamworkbook.week07.Ticker;

/**
 * Exercise 7.4 — hold the sender to a schedule: a steady rate, or simulated time compressed, with bounded catch-up.
 * The contract is in {@link Pacer}; the goal and hints in week07-generator/README.md#74-a-steady-pace.
 */
public class SteadyPacer implements Pacer {

    public SteadyPacer(Pacing pacing, Ticker ticker) {
    }

    @Override
    public void awaitTurn(Instant emitAt) throws InterruptedException {
        throw new NotImplementedYet("7.4");
    }
}
