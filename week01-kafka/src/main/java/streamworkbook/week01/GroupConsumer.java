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
     * Joins consumer group {@code groupId}, subscribes to {@code topics} and gives every valid event to
     * {@code handler} until {@link #shutdown()} is called; then commits, leaves the group and returns.
     *
     * <ul>
     *   <li>At-least-once: the group's committed offsets only ever cover records that were handled (or skipped
     *       as invalid), and they are committed at the latest when a polled batch is finished, not on a clock.
     *       A crash therefore re-delivers at most the last batch and never loses a record.</li>
     *   <li>A group without committed offsets starts at the oldest record of each partition.</li>
     *   <li>Each value is parsed with {@code ShopJson.fromBytes}. A record that is not a valid event (bad JSON,
     *       missing fields, null value) is not given to the handler: it is reported in the summary, in the order
     *       met, with the parse error's message, and committed like the others, so the group does not trip over
     *       it again. It never stops the loop.</li>
     *   <li>When the handler throws, {@code run} stops, leaves the group and ends with that exception (possibly
     *       wrapped). The failed record and the ones after it are not committed: the group reads them again.</li>
     *   <li>When {@code run} returns after {@link #shutdown()}, everything handled is committed: the next member
     *       of the group starts right after the last record handled.</li>
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
     * Asks a running {@link #run} to stop. May be called from any thread: another one (a test, a shutdown hook
     * on Ctrl-C) or the handler itself. Returns at once, even while {@code run} waits for records; {@code run}
     * then stops after the record or the batch it is handling, commits what it handled and returns.
     */
    void shutdown();
}
