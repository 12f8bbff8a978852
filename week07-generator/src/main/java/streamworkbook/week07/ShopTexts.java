package streamworkbook.week07;

import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * What shoppers type, from Datafaker. Datafaker draws from the {@link Random} it is given, so the same seed gives
 * the same words: the generator's output stays repeatable.
 */
public final class ShopTexts {

    private final Faker faker;
    private final Random random;

    public ShopTexts(Random random) {
        this.random = random;
        this.faker = new Faker(Locale.ENGLISH, random);
    }

    /** A search query: a product name, a material or a brand-like word, lower case, now and then with a typo. */
    public String searchQuery() {
        String query = switch (random.nextInt(3)) {
            case 0 -> faker.commerce().productName();
            case 1 -> faker.commerce().material() + " " + faker.commerce().department().split("[ ,&]")[0];
            default -> faker.commerce().brand();
        };
        query = query.toLowerCase(Locale.ROOT);
        if (query.length() > 3 && random.nextInt(10) == 0) { // one in ten shoppers mistypes a letter
            int at = 1 + random.nextInt(query.length() - 2);
            query = query.substring(0, at) + query.charAt(at + 1) + query.charAt(at) + query.substring(at + 2);
        }
        return query;
    }
}
