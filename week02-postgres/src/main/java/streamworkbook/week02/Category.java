package streamworkbook.week02;

/**
 * A row of {@code categories}. Categories form a tree: {@code parentId} is null for a top-level one.
 */
public record Category(long id, Long parentId, String name) {
}
