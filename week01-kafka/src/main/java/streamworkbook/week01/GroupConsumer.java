package streamworkbook.week01;

import java.util.Collection;
import java.util.Map;

/**
 * Exercise 1.3 — consume shop events as a member of a consumer group.
 *
 * <p>One instance runs one poll loop: {@link #run} on one thread, {@link #shutdown} from another.
 */
public interface GroupConsumer {

    /**
     * Joins consumer group {@code groupId}, subscribes to {@code topics} and polls until
     * {@link #shutdown()} is called, then commits, leaves the group (closes the consumer) and returns.
     *
     * <ul>
     *   <li>Offsets are committed by hand ({@code enable.auto.commit=false}): after every record of a
     *       polled batch was handled, with {@code commitSync}. A crash therefore re-delivers at most the
     *       last batch and never loses a record (at-least-once).</li>
     *   <li>A group without committed offsets starts at the beginning ({@code auto.offset.reset=earliest}).</li>
     *   <li>Each value is parsed with {@code ShopJson.fromBytes}; a record that is not a valid event
     *       (bad JSON, missing fields, null value) is skipped and reported, never stops the loop.</li>
     * </ul>
     *
     * @param config  the caller's client settings, at least {@code bootstrap.servers}. Start from your own
     *                consumer settings and then add all of these: a setting given here wins
     *                (callers pass e.g. {@code auto.offset.reset=latest}).
     * @param handler called once per valid event, on this thread, in the order of each partition
     * @return how many events were handled and which records were skipped
     */
    ConsumeSummary run(Map<String, Object> config, String groupId, Collection<String> topics, EventHandler handler);

    /**
     * Asks a running {@link #run} to stop, from any other thread (a test, a shutdown hook on Ctrl-C).
     * Returns at once; {@code run} then finishes its current step, commits and returns.
     */
    void shutdown();
}
