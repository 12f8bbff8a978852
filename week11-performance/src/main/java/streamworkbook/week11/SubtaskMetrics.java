package streamworkbook.week11;

import java.io.Serializable;

/**
 * One parallel instance (subtask) of a job vertex, as Flink measures it. Every millisecond of a subtask's time is
 * one of three: <b>busy</b> (running records through its operators), <b>backpressured</b> (waiting for room in an
 * output buffer: downstream does not take records fast enough) or <b>idle</b> (waiting for input) — so the three add
 * up to about 1,000 per second.
 *
 * @param index                    the subtask's number, 0 … parallelism − 1
 * @param busyMsPerSecond          Flink's {@code busyTimeMsPerSecond}
 * @param backPressuredMsPerSecond Flink's {@code backPressuredTimeMsPerSecond}
 * @param idleMsPerSecond          Flink's {@code idleTimeMsPerSecond}
 * @param recordsIn                records received so far ({@code numRecordsIn}; 0 for a source)
 * @param recordsOut               records sent so far ({@code numRecordsOut})
 */
public record SubtaskMetrics(int index, double busyMsPerSecond, double backPressuredMsPerSecond, double idleMsPerSecond,
                             long recordsIn, long recordsOut) implements Serializable {
}
