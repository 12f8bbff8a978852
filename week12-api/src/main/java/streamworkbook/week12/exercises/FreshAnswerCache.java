package streamworkbook.week12.exercises;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.Callable;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week12.Answer;
import streamworkbook.week12.AnswerCache;
import streamworkbook.week12.Reply;
import streamworkbook.week12.Step;

/**
 * Exercise 12.2 — answers cached for as long as their data stays fresh, and HTTP revalidation on top: ETag,
 * Cache-Control, 304.
 *
 * @see AnswerCache the contract
 * @see <a href="../../../../../../README.md#122-caching-with-explicit-freshness">README §12.2</a>
 */
public class FreshAnswerCache implements AnswerCache {

    /** @param ticker the clock every age is measured on */
    public FreshAnswerCache(Ticker ticker) {
    }

    @Override
    public Reply serve(String key, Step granularity, String ifNoneMatch, Callable<Answer> compute) throws Exception {
        throw new NotImplementedYet("12.2");
    }
}
