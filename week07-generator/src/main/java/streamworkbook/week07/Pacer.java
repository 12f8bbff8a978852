package streamworkbook.week07;

import java.time.Instant;

/**
 * Exercise 7.4: holds a sender to a schedule, as a load generator must (an "open" schedule: when a record goes out
 * does not depend on how long the previous one took). Built from a {@link Pacing} and a {@link Ticker}; a sender
 * calls {@link #awaitTurn} before each record. Contract:
 *
 * <ul>
 *   <li>By rate ({@code speed} 0, {@code rate} R &gt; 0): the n-th call (counting from 0) returns no earlier than
 *       n / R seconds after the first call. Over any 10 s, R × 10 records go out within ±2 %, whatever the sender
 *       spends between calls (as long as it could keep up).</li>
 *   <li>By speed (S &gt; 0): a record the simulation emits at {@code emitAt} is due (emitAt − first emitAt) / S
 *       after the first call; its own rate follows the simulation's.</li>
 *   <li>Catching up is bounded: if the sender falls behind the schedule by more than {@code maxBurst}, the calls
 *       return at once only until it is {@code maxBurst} behind; from then on the schedule itself is moved later
 *       (so after a 5 s stall at R = 1000 and maxBurst 1 s, about 1,000 records go out at once, not 5,000).</li>
 *   <li>{@code rate} 0 and {@code speed} 0: never waits.</li>
 *   <li>It waits only through the {@link Ticker} (never Thread.sleep or System.nanoTime directly), so tests can move time.</li>
 * </ul>
 */
public interface Pacer {

    void awaitTurn(Instant emitAt) throws InterruptedException;
}
