package streamworkbook.week08;

import org.apache.flink.streaming.api.functions.KeyedProcessFunction;

/**
 * Exercise 8.3 — is a series going up or down?
 *
 * <p>{@link #detector} returns a function for a stream of {@link MinuteMetric}s keyed by series. Per series it
 * keeps the {@code windows} latest values <b>by minute</b> (elements may arrive out of order; an element older
 * than every kept minute, once {@code windows} are kept, is ignored; minutes are distinct). After each element, once
 * it keeps {@code windows} values, it fits a least-squares line through the points (x = the value's minute, in
 * minutes; y = the value) — missing minutes are simply absent points, not zeros — and with {@code slope} (per
 * minute) and {@code mean} (of the kept values):
 * <ul>
 *   <li>{@code slope ≥ threshold · |mean|} → emits {@link Trend.Direction#RISING},</li>
 *   <li>{@code slope ≤ −threshold · |mean|} → emits {@link Trend.Direction#FALLING},</li>
 *   <li>otherwise emits nothing.</li>
 * </ul>
 * A {@link Trend} carries the latest kept minute, the slope and the mean. {@code threshold} is relative: 0.02 means
 * "2 % of the mean per minute".
 */
public interface TrendDetection {

    KeyedProcessFunction<String, MinuteMetric, Trend> detector(int windows, double threshold);
}
