package streamworkbook.week01;

import java.util.List;
import streamworkbook.kit.shop.ShopEvent;

/**
 * What a publish run achieved.
 *
 * @param acked  how many records the broker acknowledged
 * @param failed the events whose send failed, with the error the callback received
 */
public record PublishResult(long acked, List<Failure> failed) {

    public PublishResult {
        failed = List.copyOf(failed);
    }

    /** An event the broker did not take, and why. */
    public record Failure(ShopEvent event, Exception error) {
    }
}
