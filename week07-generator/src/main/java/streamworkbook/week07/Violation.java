package streamworkbook.week07;

/**
 * One way a record breaks its contract.
 *
 * @param field   the field at fault, as a JSON path ({@code $.event_time}, {@code $.quantity}); {@code $} for the whole record
 * @param rule    the rule it breaks: the JSON Schema keyword ({@code required}, {@code type}, {@code format},
 *                {@code minimum}, {@code enum}, …), {@code json} when the record is not JSON, or {@code catalogue}
 *                when it names a product or user the shop does not have
 * @param message what is wrong, for a person: it names the field, so it can be read alone
 */
public record Violation(String field, String rule, String message) {

    @Override
    public String toString() {
        return field + " (" + rule + "): " + message;
    }
}
