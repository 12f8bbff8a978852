package streamworkbook.week12;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code from} and {@code to} of the given endpoints: ISO-8601 instants, rounded out to whole steps, bounded.
 *
 * @param from the start, a whole step
 * @param to   the end (exclusive), a whole step, after {@code from}
 */
public record RangeParams(Instant from, Instant to) {

    public static final String ISO_EXAMPLE = "an ISO-8601 instant such as 2026-03-01T12:00:00Z";

    /** Reads {@code from} and {@code to}, rounds them out to {@code step} and refuses ranges longer than {@code max}. */
    public static RangeParams parse(QueryParams params, Step step, Duration max) {
        Instant from = step.floor(instant(params, "from"));
        Instant to = step.ceil(instant(params, "to"));
        if (!to.isAfter(from)) {
            throw new ApiException.BadRequest("to", "to (" + to + ") must lie after from (" + from + ")", "an instant after from");
        }
        if (Duration.between(from, to).compareTo(max) > 0) {
            throw new ApiException.BadRequest("to", "the range from " + from + " to " + to + " is longer than " + human(max),
                    "at most " + human(max) + " after from");
        }
        return new RangeParams(from, to);
    }

    /** A required instant parameter. */
    public static Instant instant(QueryParams params, String name) {
        String text = params.value(name).orElseThrow(() ->
                new ApiException.BadRequest(name, name + " is required", ISO_EXAMPLE));
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException.BadRequest(name, name + " must be " + ISO_EXAMPLE + ", got: " + text, ISO_EXAMPLE);
        }
    }

    /** An optional whole number in [min, max]. */
    public static int integer(QueryParams params, String name, int min, int max, int dflt) {
        String text = params.value(name).orElse(null);
        if (text == null) {
            return dflt;
        }
        String allowed = "a whole number from " + min + " to " + max;
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw new ApiException.BadRequest(name, name + " must be from " + min + " to " + max + ", got: " + text, allowed);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ApiException.BadRequest(name, name + " must be " + allowed + ", got: " + text, allowed);
        }
    }

    static String human(Duration d) {
        return d.toDays() >= 2 && d.toHours() % 24 == 0 ? d.toDays() + " days"
                : d.toHours() >= 1 && d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }
}
