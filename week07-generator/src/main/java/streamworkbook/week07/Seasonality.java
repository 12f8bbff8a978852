package streamworkbook.week07;

import java.time.Instant;

/**
 * Exercise 7.2: how busy the shop is at an instant, relative to its average, following a {@link TrafficShape}.
 * Contract, for {@code weight(t)}:
 *
 * <ul>
 *   <li>It is the product of a daily, a weekly and a promotion factor.</li>
 *   <li>Daily: a smooth (cosine) curve over the hour of the day in the shop's zone, highest at
 *       {@code peakHour:00}, lowest twelve hours later, the highest {@code peakToTrough} times the lowest; its
 *       average over a day is 1.</li>
 *   <li>Weekly: Saturdays and Sundays (in the shop's zone) are {@code weekendFactor} times as busy as weekdays; the
 *       average of the weekly factor over a week is 1.</li>
 *   <li>Promotions: the factors of the promotions covering {@code t} (1 when none).</li>
 * </ul>
 * So without promotions the average weight over any whole week is 1, and the generator's average rate is the rate
 * you asked for.
 */
public interface Seasonality {

    double weight(Instant t);
}
