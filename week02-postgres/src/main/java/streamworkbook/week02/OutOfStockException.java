package streamworkbook.week02;

/** An order asked for more units of a product than are in stock; nothing of the order was kept. */
public class OutOfStockException extends Exception {

    private final long productId;
    private final int requested;

    public OutOfStockException(long productId, int requested) {
        super("not enough stock of product " + productId + " for " + requested + " unit(s): the order was not placed");
        this.productId = productId;
        this.requested = requested;
    }

    public long productId() {
        return productId;
    }

    public int requested() {
        return requested;
    }
}
