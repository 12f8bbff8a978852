package streamworkbook.week07.exercises;

import java.util.List;
import java.util.Random;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week07.Catalogue;
import streamworkbook.week07.Funnel;
import streamworkbook.week07.SessionModel;
import streamworkbook.week07.SessionStart;
import streamworkbook.week07.ShopTexts;

/**
 * Exercise 7.1 — a shopper's session: land, browse, fill and empty the cart, maybe buy, review days later.
 * The contract is in {@link SessionModel}; the goal and hints in week07-generator/README.md#71-a-shoppers-session.
 */
public class FunnelSession implements SessionModel {

    @Override
    public List<ShopEvent> session(SessionStart start, Catalogue catalogue, Funnel funnel, ShopTexts texts, Random random) {
        throw new NotImplementedYet("7.1");
    }
}
