package streamworkbook.week07;

import java.time.Duration;

/**
 * How fast records go out.
 *
 * @param rate     records per second of real time; 0 = as fast as possible (ignored when {@code speed} is set)
 * @param speed    time compression: simulated seconds per real second (60 = one simulated hour per real minute);
 *                 0 = not set: pace by {@code rate}
 * @param maxBurst how far behind schedule a sender may fall before it gives up catching up: after a stall, at
 *                 most this much of the schedule goes out at once, and the rest of the schedule moves later
 */
public record Pacing(double rate, double speed, Duration maxBurst) {

    public Pacing {
        if (rate < 0 || speed < 0 || maxBurst.isNegative()) {
            throw new IllegalArgumentException("rate, speed and maxBurst must not be negative: " + rate + ", " + speed + ", " + maxBurst);
        }
    }

    public static Pacing rate(double recordsPerSecond) {
        return new Pacing(recordsPerSecond, 0, Duration.ofSeconds(1));
    }

    public static Pacing speed(double simulatedSecondsPerSecond) {
        return new Pacing(0, simulatedSecondsPerSecond, Duration.ofSeconds(1));
    }

    public static Pacing unlimited() {
        return new Pacing(0, 0, Duration.ofSeconds(1));
    }
}
