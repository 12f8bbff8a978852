package streamworkbook.week02;

import java.time.Instant;

/** A row of {@code users}. {@code country} is an ISO 3166 two-letter code. */
public record User(long id, String email, String name, String country, Instant createdAt) {
}
