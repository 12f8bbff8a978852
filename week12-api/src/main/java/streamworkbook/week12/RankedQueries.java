package streamworkbook.week12;

import java.time.Instant;

/**
 * Exercise 12.3 — the dashboard's top products and its conversion funnel, each as one parameterised query that reads
 * as little as the question allows.
 *
 * <p>Values travel as parameters ({@link BoundQuery#with}); the SQL text is the same for every request.
 */
public interface RankedQueries {

    /** How long after a session's first step its later steps still count, in seconds (one hour). */
    long FUNNEL_WINDOW_SECONDS = 3_600;

    /**
     * The {@code n} products with the highest revenue in the whole hours [{@code from}, {@code to}), from the
     * {@code product_hours} rollup (one row per hour and product; an hour recomputed later counts with its newest
     * row only) — not from raw events. Columns, in this order: {@code product_id}, {@code revenue}, {@code units},
     * {@code purchases}, the sums over the range. Rows ordered by revenue, highest first, and products with equal
     * revenue by {@code product_id} ascending; products without revenue in the range are not listed; at most
     * {@code n} rows. {@code from} and {@code to} are whole hours, {@code 1 <= n <= 100}.
     */
    BoundQuery topProducts(Instant from, Instant to, int n);

    /**
     * The conversion funnel of the sessions active in [{@code from}, {@code to}), from raw {@code events} (only events
     * in the range are looked at; no rollup keeps sessions): one row, three columns, in this order —
     * {@code viewed} (sessions with a {@code page_view} of a product, i.e. a non-empty {@code product_id}),
     * {@code carted} (of those, sessions with an {@code add_to_cart} after such a view) and {@code purchased} (of
     * those, sessions with a {@code purchase} after that), each step no later than {@link #FUNNEL_WINDOW_SECONDS}
     * after the session's first counted view. Each column counts the sessions that reached at least its step, so
     * {@code viewed >= carted >= purchased}. An event stored twice changes nothing.
     */
    BoundQuery funnel(Instant from, Instant to);
}
