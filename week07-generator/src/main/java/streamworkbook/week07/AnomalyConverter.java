package streamworkbook.week07;

import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine;

/**
 * {@code KIND,START,DURATION,MAGNITUDE} on the command line, e.g. {@code traffic-drop,+3h,15m,0.2}: START is an
 * instant ({@code 2026-11-28T10:00:00Z}) or an offset from the simulation's start ({@code +3h}).
 */
public final class AnomalyConverter implements CommandLine.ITypeConverter<AnomalyConverter.Spec> {

    /** An anomaly whose start may still be relative to the simulation's start. */
    public record Spec(Anomaly.Kind kind, String start, java.time.Duration duration, double magnitude) {
        public Anomaly at(Instant simulationStart) {
            Instant from = start.startsWith("+") ? simulationStart.plus(DurationConverter.parse(start.substring(1))) : Instant.parse(start);
            return new Anomaly(kind, from, duration, magnitude);
        }
    }

    @Override
    public Spec convert(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not an anomaly: write KIND,START,DURATION,MAGNITUDE, "
                    + "e.g. traffic-drop,+3h,15m,0.2 (kinds: traffic-drop, price-glitch, checkout-failure)");
        }
        Anomaly.Kind kind;
        try {
            kind = Anomaly.Kind.valueOf(parts[0].trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("unknown anomaly '" + parts[0] + "': use traffic-drop, price-glitch or checkout-failure");
        }
        return new Spec(kind, parts[1].trim(), DurationConverter.parse(parts[2]), Double.parseDouble(parts[3].trim()));
    }
}
