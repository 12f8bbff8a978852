package streamworkbook.week02;

/** A row of {@code inventory}: how many units of a product are in stock. */
public record StockLevel(long productId, int quantity) {
}
