package streamworkbook.week02;

/** How many rows a seed load wrote to each table. */
public record LoadReport(int categories, int products, int users, int inventory) {
}
