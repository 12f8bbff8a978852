package streamworkbook.week01;

/** What a consumer does with each valid event it receives. */
@FunctionalInterface
public interface EventHandler {

    void handle(ConsumedEvent event);
}
