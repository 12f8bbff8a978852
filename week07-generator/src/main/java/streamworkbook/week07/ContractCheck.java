package streamworkbook.week07;

import java.util.List;

/**
 * Exercise 7.3: checks a record against the data contract of its event type: the JSON Schema (draft 2020-12)
 * {@code contracts/<type>.schema.json} on the classpath ({@code page_view}, {@code search}, {@code add_to_cart},
 * {@code remove_from_cart}, {@code purchase}, {@code review}). Contract:
 *
 * <ul>
 *   <li>Returns every violation (not only the first), each naming the field as a JSON path such as
 *       {@code $.quantity} — for a missing required field, the path of that field, {@code $.event_id} — and the
 *       schema keyword it breaks; an empty list means the record keeps its contract.</li>
 *   <li>The record's {@code type} field chooses the schema. A record with no {@code type}, or one that is not a
 *       known event type, breaks the rule {@code type} is subject to: {@code $.type}, {@code required} or
 *       {@code enum}. A record that is not a JSON object breaks {@code $}, rule {@code json}.</li>
 *   <li>{@code format} is a rule, not a comment: {@code "event_time": "yesterday"} breaks {@code $.event_time},
 *       {@code format}.</li>
 * </ul>
 * Whether a named product or user exists is not the contract's business: {@link CatalogueCheck} does that.
 */
public interface ContractCheck {

    List<Violation> check(byte[] record);
}
