package streamworkbook.week04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static streamworkbook.week04.TestEvents.purchase;
import static streamworkbook.week04.TestEvents.view;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.shop.ShopEvent;

/**
 * State TTL runs on processing time. An operator test harness drives the function with exact records
 * and an exact processing-time clock ({@code setStateTtlProcessingTime}), so expiry is tested without waiting.
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
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(totals.runningTotals(TTL)), ShopEvent::userId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static UserTotal total(String user, long purchases, String revenue) {
        return new UserTotal(user, purchases, new BigDecimal(revenue));
    }

    @Test
    void eachUsersPurchasesAddUpSeparately() throws Exception {
        harness.setStateTtlProcessingTime(0);
        harness.processElement(purchase("u-1", 1, 2, "10.00"), 1);
        harness.processElement(view("u-1", 2, "p-001"), 2);  // not a purchase: no output
        harness.processElement(purchase("u-2", 3, 1, "99.99"), 3);
        harness.processElement(purchase("u-1", 4, 3, "0.50"), 4);

        assertEquals(List.of(
                total("u-1", 1, "20.00"),
                total("u-2", 1, "99.99"),
                total("u-1", 2, "21.50")), harness.extractOutputValues());
    }

    @Test
    void aTotalExpiresTtlAfterItsLastWrite() throws Exception {
        harness.setStateTtlProcessingTime(0);
        harness.processElement(purchase("u-1", 1, 1, "10.00"), 1);
        harness.processElement(purchase("u-2", 1, 1, "7.00"), 1);

        harness.setStateTtlProcessingTime(9 * MINUTE);            // within the TTL of both
        harness.processElement(purchase("u-1", 2, 1, "5.00"), 2); // written again: u-1 lives until 19 min
        harness.processElement(view("u-2", 2, "p-001"), 2);       // not a write: u-2 still ends at 10 min

        harness.setStateTtlProcessingTime(10 * MINUTE);           // u-2's last write + TTL: expired
        harness.processElement(purchase("u-2", 3, 1, "1.00"), 3);
        harness.setStateTtlProcessingTime(19 * MINUTE - 1);       // 1 ms before u-1 expires
        harness.processElement(purchase("u-1", 4, 1, "1.00"), 4); // written again: lives until 29 min − 1 ms
        harness.setStateTtlProcessingTime(29 * MINUTE - 1);       // exactly u-1's last write + TTL: expired
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
}
