package streamworkbook.week07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 7.2: the curve itself, exactly, and the traffic the simulator makes with it, within stated tolerances.
 *
 * <p>Rejects:
 * <ul>
 *   <li>hours taken in UTC instead of the shop's zone: the peak lands an hour or two early (and moves with daylight
 *       saving time);</li>
 *   <li>a curve that is not normalised (e.g. {@code 1 + cos} scaled to peak = ratio): the week's average is not 1,
 *       so the generator's rate is off;</li>
 *   <li>the amplitude taken as {@code ratio − 1} or the ratio applied to the mean: the peak is not {@code ratio}
 *       times the trough;</li>
 *   <li>weekend factor without normalising the week, or weekends found in UTC (Friday 23:30 UTC is Saturday in Berlin);</li>
 *   <li>promotions added instead of multiplied, or only the first of overlapping promotions applied.</li>
 * </ul>
 */
@Exercise("7.2")
class SeasonalityTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Seasonality rhythm(TrafficShape shape) {
        return Exercises.pick(() -> new streamworkbook.week07.exercises.ShopRhythm(shape),
                () -> new streamworkbook.week07.solutions.ShopRhythm(shape));
    }

    @Test
    void theDayPeaksAtThePeakHourInTheShopsZoneAndAveragesOne() {
        Seasonality daily = rhythm(new TrafficShape(BERLIN, 20, 4.0, 1.0, List.of()));
        for (String day : new String[] {"2026-01-14", "2026-07-15"}) { // winter (UTC+1) and summer time (UTC+2)
            Instant midnight = LocalDateTime.parse(day + "T00:00:00").atZone(BERLIN).toInstant();
            Instant peak = LocalDateTime.parse(day + "T20:00:00").atZone(BERLIN).toInstant();
            Instant trough = LocalDateTime.parse(day + "T08:00:00").atZone(BERLIN).toInstant();
            double sum = 0;
            double highest = 0;
            Instant highestAt = null;
            for (int minute = 0; minute < 24 * 60; minute++) {
                Instant t = midnight.plus(Duration.ofMinutes(minute));
                double w = daily.weight(t);
                sum += w;
                if (w > highest) {
                    highest = w;
                    highestAt = t;
                }
            }
            assertEquals(peak, highestAt, "the busiest minute of " + day + " (20:00 in Berlin)");
            assertEquals(4.0, daily.weight(peak) / daily.weight(trough), 1e-9, "peak to trough on " + day);
            assertEquals(1.0, sum / (24 * 60), 1e-6, "the day's average weight on " + day);
        }
    }

    @Test
    void weekendsInTheShopsZoneAreBusierAndTheWeekAveragesOne() {
        Seasonality weekly = rhythm(new TrafficShape(BERLIN, 20, 1.0, 1.5, List.of()));
        Instant wednesday = Instant.parse("2026-01-14T12:00:00Z");
        Instant saturday = Instant.parse("2026-01-17T12:00:00Z");
        assertEquals(1.5, weekly.weight(saturday) / weekly.weight(wednesday), 1e-9, "Saturday against Wednesday");
        // Friday 23:30 UTC is already Saturday in Berlin
        assertEquals(weekly.weight(saturday), weekly.weight(Instant.parse("2026-01-16T23:30:00Z")), 1e-9,
                "Friday 23:30 UTC is Saturday 00:30 in Berlin: a weekend weight");
        Seasonality both = rhythm(TrafficShape.typical());
        double sum = 0;
        int minutes = 7 * 24 * 60;
        for (int m = 0; m < minutes; m++) {
            sum += both.weight(Instant.parse("2026-01-12T00:00:00Z").plus(Duration.ofMinutes(m)));
        }
        assertEquals(1.0, sum / minutes, 1e-6, "a week's average weight, daily and weekly rhythm together");
    }

    @Test
    void promotionsMultiplyTheWeight() {
        Instant from = Instant.parse("2026-01-14T10:00:00Z");
        TrafficShape plain = TrafficShape.typical();
        TrafficShape promoted = plain
                .withPromotion(new TrafficShape.Promotion(from, from.plus(Duration.ofHours(2)), 3.0))
                .withPromotion(new TrafficShape.Promotion(from.plus(Duration.ofHours(1)), from.plus(Duration.ofHours(3)), 2.0));
        Seasonality base = rhythm(plain);
        Seasonality sale = rhythm(promoted);
        Instant before = from.minusSeconds(1);
        Instant first = from.plus(Duration.ofMinutes(30));
        Instant overlap = from.plus(Duration.ofMinutes(90));
        Instant second = from.plus(Duration.ofMinutes(150));
        Instant after = from.plus(Duration.ofHours(3));
        assertEquals(base.weight(before), sale.weight(before), 1e-9, "before");
        assertEquals(3 * base.weight(first), sale.weight(first), 1e-9, "during the first promotion");
        assertEquals(6 * base.weight(overlap), sale.weight(overlap), 1e-9, "during both");
        assertEquals(2 * base.weight(second), sale.weight(second), 1e-9, "during the second");
        assertEquals(base.weight(after), sale.weight(after), 1e-9, "after (a promotion's end is not in it)");
    }

    /**
     * Two simulated weeks of sessions (the reference session model) shaped by the curve under test: the peak hour and
     * the quietest hour, and weekend days against weekdays, within stated tolerances of the configuration.
     */
    @Test
    void theGeneratedTrafficFollowsTheCurve() throws Exception {
        TrafficShape shape = TrafficShape.typical();
        Instant start = Instant.parse("2026-01-05T00:00:00Z"); // a Monday
        GeneratorSettings settings = GeneratorSettings.builder(72, start).eventsPerSecond(0.5).shape(shape).build();
        ShopSimulator simulator = new ShopSimulator(settings, TestCatalogue.catalogue(),
                new streamworkbook.week07.solutions.FunnelSession(), rhythm(shape));
        Instant end = start.plus(Duration.ofDays(14));
        Set<String> seen = new HashSet<>();
        Map<Integer, Integer> byHour = new HashMap<>();
        int weekend = 0;
        int weekday = 0;
        for (ShopEvent e = simulator.next(); e.eventTime().isBefore(end); e = simulator.next()) {
            if (!seen.add(e.sessionId())) {
                continue; // count sessions by their first event
            }
            ZonedDateTime local = e.eventTime().atZone(shape.zone());
            byHour.merge(local.getHour(), 1, Integer::sum);
            DayOfWeek day = local.getDayOfWeek();
            if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
                weekend++;
            } else {
                weekday++;
            }
        }
        assertTrue(seen.size() > 50_000, "sessions simulated: " + seen.size());
        // hour-long bins of a cosine: the peak hour's bin against the trough's is a little below the instant ratio of 4
        double hourRatio = (double) byHour.get(shape.peakHour()) / byHour.get((shape.peakHour() + 12) % 24);
        assertEquals(expectedBinRatio(shape.peakToTrough()), hourRatio, 0.4, "sessions in the peak hour against the quietest");
        double dayRatio = (weekend / 4.0) / (weekday / 10.0);
        assertEquals(shape.weekendFactor(), dayRatio, 0.05, "sessions per weekend day against per weekday");
    }

    /** The ratio of the averages of 1 + a·cos over the hour from the peak and the hour from the trough. */
    private static double expectedBinRatio(double peakToTrough) {
        double a = (peakToTrough - 1) / (peakToTrough + 1);
        double binMean = Math.sin(Math.PI / 12) / (Math.PI / 12); // the cosine's average over the first hour from 0
        return (1 + a * binMean) / (1 - a * binMean);
    }
}
