package streamworkbook.week07.solutions;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import streamworkbook.week07.Seasonality;
import streamworkbook.week07.TrafficShape;

/** Exercise 7.2, reference solution: a cosine day, a two-level week, promotions on top; each factor averages 1. */
public class ShopRhythm implements Seasonality {

    private final TrafficShape shape;
    /** The cosine's amplitude: (1 + a) / (1 − a) = peakToTrough. */
    private final double amplitude;
    private final double weekday;
    private final double weekend;

    public ShopRhythm(TrafficShape shape) {
        this.shape = shape;
        this.amplitude = (shape.peakToTrough() - 1) / (shape.peakToTrough() + 1);
        // five weekdays at w and two weekend days at f·w average 1 when w = 7 / (5 + 2f)
        this.weekday = 7 / (5 + 2 * shape.weekendFactor());
        this.weekend = shape.weekendFactor() * weekday;
    }

    @Override
    public double weight(Instant t) {
        ZonedDateTime local = t.atZone(shape.zone());
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        double daily = 1 + amplitude * Math.cos(2 * Math.PI * (hour - shape.peakHour()) / 24);
        DayOfWeek day = local.getDayOfWeek();
        double weekly = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? weekend : weekday;
        double promotion = 1;
        for (TrafficShape.Promotion p : shape.promotions()) {
            if (p.covers(t)) {
                promotion *= p.factor();
            }
        }
        return daily * weekly * promotion;
    }
}
