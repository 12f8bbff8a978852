package streamworkbook.week10;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.InfraProvider;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.kit.shop.EventType;

/**
 * The options every program of this week shares (a picocli mixin): where Kafka, ClickHouse and week 2's catalogue
 * are, and which topics and database the pipeline uses. Defaults: the servers of {@code ./workbook up} or
 * {@code docker compose up}, the topics week 7's GeneratorApp writes, the database week 6's PipelineApp fills.
 */
public final class Endpoints {

    @Option(names = "--topic-prefix", defaultValue = "", description = "prefix of the topic names, as GeneratorApp's (default: none)")
    String prefix;

    @Option(names = "--database", defaultValue = "shop", description = "ClickHouse database (default: ${DEFAULT-VALUE})")
    String database;

    @Option(names = "--schema", defaultValue = "public", description = "PostgreSQL schema of week 2's catalogue (default: ${DEFAULT-VALUE})")
    String schema;

    @Option(names = "--bootstrap-servers",
            description = "Kafka (default: KAFKA_BOOTSTRAP_SERVERS, or localhost:9092 as `./workbook up` and compose provide)")
    String bootstrapServers;

    @Option(names = "--clickhouse-url", description = "ClickHouse HTTP URL (default: CLICKHOUSE_URL, or http://localhost:8123)")
    String clickhouseUrl;

    private InfraProvider infra;

    private InfraProvider infra() {
        if (infra == null) {
            infra = Infra.forPrograms();
        }
        return infra;
    }

    public KafkaEndpoint kafka() {
        return (bootstrapServers != null ? new KafkaEndpoint(bootstrapServers) : infra().kafka()).requireReachable();
    }

    /** The database (created if missing), its events table (week 6's) and source_counts. */
    public ClickHouseEndpoint clickhouse() throws SQLException {
        ClickHouseEndpoint server = clickhouseUrl != null ? ClickHouseEndpoint.of(clickhouseUrl, "default", "") : infra().clickhouse();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + database);
        }
        ClickHouseEndpoint db = server.withDatabase(database);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(QualityTables.EVENTS);
            s.execute(QualityTables.SOURCE_COUNTS);
        }
        return db;
    }

    public PostgresEndpoint catalogue() {
        return infra().postgres().withSchema(schema);
    }

    /** The six event topics. */
    public List<String> sourceTopics() {
        return Arrays.stream(EventType.values()).map(t -> prefix + t.topic()).toList();
    }

    public String deadLetterTopic() {
        return prefix + DeadLetters.TOPIC;
    }
}
