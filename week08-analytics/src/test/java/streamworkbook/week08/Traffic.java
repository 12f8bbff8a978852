package streamworkbook.week08;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week02.CatalogGenerator;
import streamworkbook.week07.Catalogue;
import streamworkbook.week07.GeneratedRecord;
import streamworkbook.week07.GeneratorSettings;
import streamworkbook.week07.ShopGenerator;

/** Shop traffic from week 7's generator (reference solutions), without Kafka or PostgreSQL. */
final class Traffic {

    /** Week 2's generated catalogue as a seed load would write it: 2,000 products, 1,000 users. */
    static final Catalogue CATALOGUE = Catalogue.of(CatalogGenerator.generate(8, 20, 2_000, 1_000), 8);

    private Traffic() {
    }

    static ShopGenerator generator(GeneratorSettings settings) {
        return new ShopGenerator(settings, CATALOGUE, new streamworkbook.week07.solutions.FunnelSession(),
                new streamworkbook.week07.solutions.ShopRhythm(settings.shape()), new streamworkbook.week07.solutions.SchemaContracts());
    }

    /** The generated records sent in [from, to) of simulated time. */
    static List<GeneratedRecord> records(GeneratorSettings settings, Instant from, Instant to) {
        List<GeneratedRecord> out = new ArrayList<>();
        Iterator<GeneratedRecord> records = generator(settings).records();
        while (true) {
            GeneratedRecord r = records.next();
            if (!r.emitAt().isBefore(to)) {
                return out;
            }
            if (!r.emitAt().isBefore(from)) {
                out.add(r);
            }
        }
    }

    static List<ShopEvent> events(GeneratorSettings settings, Instant from, Instant to) {
        return records(settings, from, to).stream().map(r -> ShopJson.fromBytes(r.value())).toList();
    }
}
