package streamworkbook.week03;

/** One word of one search query, lower case. */
public record SearchTerm(String userId, String term) {
}
