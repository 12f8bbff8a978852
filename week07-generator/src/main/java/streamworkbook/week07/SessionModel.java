package streamworkbook.week07;

import java.util.List;
import java.util.Random;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 7.1: one shopper's session as a state machine. Contract:
 *
 * <ul>
 *   <li>The first event is at {@code start.time()}: a {@code search} with probability {@link Funnel#searchFirst()},
 *       else a {@code page_view} of the home page {@code "/"} (no product).</li>
 *   <li>The shopper then views product pages ({@code page_view} with {@code page = "/p/<sku>"} and the product's
 *       SKU): one or more, {@link Funnel#meanProductViews()} on average, products drawn with
 *       {@link Catalogue#pickProduct}. Each view puts that product in the cart with probability
 *       {@link Funnel#addToCart()} ({@code add_to_cart} right after the view, quantity 1–3, the catalogue price).</li>
 *   <li>Each item in the cart is taken out again ({@code remove_from_cart}, same quantity and price) with probability
 *       {@link Funnel#removeFromCart()}, after it was added and before checkout.</li>
 *   <li>If the cart is not empty at the end, the shopper checks out with probability {@link Funnel#purchase()}: one
 *       {@code purchase} per cart line, all with one new {@code order_id}, at the same instant, for exactly the
 *       products, quantities and prices still in the cart.</li>
 *   <li>Each purchased line is reviewed ({@code review}, rating 1–5, same product) with probability
 *       {@link Funnel#review()}, one to three days after the purchase.</li>
 *   <li>Every event carries {@code start.userId()}, {@code start.sessionId()} and a new unique {@code event_id};
 *       apart from reviews, event times never go backwards and consecutive events are between
 *       {@link Funnel#minThink()} and {@link Funnel#maxThink()} apart. Events are returned in time order.</li>
 *   <li>All randomness comes from {@code random} (and {@code texts}, which draws from it too): the same
 *       arguments give the same session.</li>
 * </ul>
 */
public interface SessionModel {

    List<ShopEvent> session(SessionStart start, Catalogue catalogue, Funnel funnel, ShopTexts texts, Random random);
}
