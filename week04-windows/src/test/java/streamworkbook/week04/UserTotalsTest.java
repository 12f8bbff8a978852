package streamworkbook.week04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static streamworkbook.week04.TestEvents.purchase;
import static streamworkbook.week04.TestEvents.view;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 4.4. State TTL runs on processing time: an operator test harness drives the function with exact
 * records and an exact processing-time clock — the TTL's clock and the timers' clock move together — so expiry is
 * tested to the millisecond without waiting. The test also reads the state named {@value UserTotals#STATE_NAME}
 * the way the operator does, through the keyed state backend, between writes.
 *
 * <p>Rejects:
 * <ul>
 *   <li>no TTL, or another TTL than {@code ttl} — totals live too long or too short (checked at the millisecond);</li>
 *   <li>TTL update type {@code OnReadAndWrite} — the test's read at 5 min keeps the total alive past 10 min;</li>
 *   <li>state visibility {@code ReturnExpiredIfNotCleanedUp} — a total that expired but is still stored (the
 *       heap backend cleans up lazily; for four of the five users the test tries, the entry is still there when
 *       it is read) comes back;</li>
 *   <li>a non-purchase event that writes the state (or a total kept in a plain field) — the TTL is extended, or
 *       the totals are not per user;</li>
 *   <li>state under another name — the test finds no total under {@value UserTotals#STATE_NAME};</li>
 *   <li>summing price instead of {@code revenue()} (price × quantity), or emitting for other event types.</li>
 * </ul>
 */
@Exercise("4.4")
class UserTotalsTest {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final long MINUTE = 60_000;

    private final UserTotals totals = Exercises.pick(streamworkbook.week04.exercises.PurchaseTotals::new,
            streamworkbook.week04.solutions.PurchaseTotals::new);

    private KeyedOneInputStreamOperatorTestHarness<String, ShopEvent, UserTotal> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = newHarness();
    }

    /** The learner's function in a keyed operator of its own, opened. */
    private KeyedOneInputStreamOperatorTestHarness<String, ShopEvent, UserTotal> newHarness() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, ShopEvent, UserTotal> opened =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(totals.runningTotals(TTL)), ShopEvent::userId, Types.STRING);
        opened.open();
        return opened;
    }

    @AfterEach
    void closeHarness() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    /** Sets the processing time: the clock of state TTL and of processing-time timers alike. */
    private void at(long millis) throws Exception {
        harness.setStateTtlProcessingTime(millis);
        harness.setProcessingTime(millis);
    }

    /** Reads the user's total from the state named {@value UserTotals#STATE_NAME}, as the operator itself would. */
    private UserTotal readState(String user) throws Exception {
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(user);
        ValueState<UserTotal> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, new ValueStateDescriptor<>(UserTotals.STATE_NAME, UserTotal.class));
        return state.value();
    }

    private static UserTotal total(String user, long purchases, String revenue) {
        return new UserTotal(user, purchases, new BigDecimal(revenue));
    }

    @Test
    void eachUsersPurchasesAddUpSeparately() throws Exception {
        at(0);
        harness.processElement(purchase("u-1", 1, 2, "10.00"), 1);
        harness.processElement(view("u-1", 2, "p-001"), 2);  // not a purchase: no output
        harness.processElement(purchase("u-2", 3, 1, "99.99"), 3);
        harness.processElement(purchase("u-1", 4, 3, "0.50"), 4);

        assertEquals(List.of(
                total("u-1", 1, "20.00"),
                total("u-2", 1, "99.99"),
                total("u-1", 2, "21.50")), harness.extractOutputValues());
        assertEquals(total("u-1", 2, "21.50"), readState("u-1"),
                "the state named \"" + UserTotals.STATE_NAME + "\" holds the user's total");
    }

    @Test
    void aTotalExpiresTtlAfterItsLastWrite() throws Exception {
        at(0);
        harness.processElement(purchase("u-1", 1, 1, "10.00"), 1);
        harness.processElement(purchase("u-2", 1, 1, "7.00"), 1);

        at(9 * MINUTE);                                           // within the TTL of both
        harness.processElement(purchase("u-1", 2, 1, "5.00"), 2); // written again: u-1 lives until 19 min
        harness.processElement(view("u-2", 2, "p-001"), 2);       // not a write: u-2 still ends at 10 min

        at(10 * MINUTE);                                          // u-2's last write + TTL: expired
        harness.processElement(purchase("u-2", 3, 1, "1.00"), 3);
        at(19 * MINUTE - 1);                                      // 1 ms before u-1 expires
        harness.processElement(purchase("u-1", 4, 1, "1.00"), 4); // written again: lives until 29 min − 1 ms
        at(29 * MINUTE - 1);                                      // exactly u-1's last write + TTL: expired
        harness.processElement(purchase("u-1", 5, 1, "2.00"), 5);

        assertEquals(List.of(
                total("u-1", 1, "10.00"),
                total("u-2", 1, "7.00"),
                total("u-1", 2, "15.00"),
                total("u-2", 1, "1.00"),    // started again
                total("u-1", 3, "16.00"),   // still there
                total("u-1", 1, "2.00")),   // started again
                harness.extractOutputValues());
    }

    @Test
    void readingATotalDoesNotExtendItsLife() throws Exception {
        at(0);
        harness.processElement(purchase("u-1", 1, 1, "10.00"), 1);

        at(5 * MINUTE);
        assertEquals(total("u-1", 1, "10.00"), readState("u-1"),
                "the state named \"" + UserTotals.STATE_NAME + "\" holds u-1's total");

        at(10 * MINUTE); // 10 min after the write, 5 min after the read
        harness.processElement(purchase("u-1", 2, 1, "3.00"), 2);

        assertEquals(List.of(total("u-1", 1, "10.00"), total("u-1", 1, "3.00")), harness.extractOutputValues(),
                "the total expires 10 min after it was written; the read at 5 min must not move that to 15 min");
    }

    @Test
    void anExpiredTotalIsNeverReturnedEvenBeforeItIsCleanedUp() throws Exception {
        // Each user in an operator of its own, touched by nothing but that user's purchases: when the second one
        // reads the total, it has expired, and it is usually still stored — the heap state backend cleans up
        // lazily, a few entries per access, and whether it reaches this entry first depends on where the key
        // lands (for most keys it does not). Five users make sure the visibility setting is what decides.
        List<String> sawOldTotal = new ArrayList<>();
        for (String user : List.of("u-1", "u-2", "u-3", "u-4", "u-5")) {
            KeyedOneInputStreamOperatorTestHarness<String, ShopEvent, UserTotal> alone = newHarness();
            try {
                alone.setStateTtlProcessingTime(0);
                alone.processElement(purchase(user, 1, 1, "10.00"), 1);
                alone.setStateTtlProcessingTime(10 * MINUTE);
                alone.processElement(purchase(user, 2, 1, "1.00"), 2);
                if (!alone.extractOutputValues().get(1).equals(total(user, 1, "1.00"))) {
                    sawOldTotal.add(user);
                }
            } finally {
                alone.close();
            }
        }
        assertEquals(List.of(), sawOldTotal,
                "users whose expired total came back: an expired total reads as absent, cleaned up yet or not");
    }
}
