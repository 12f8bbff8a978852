package streamworkbook.week02;

/** One line of an order a shopper places: a product and how many units of it. */
public record OrderLine(long productId, int quantity) {

    public OrderLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity + " for product " + productId);
        }
    }
}
