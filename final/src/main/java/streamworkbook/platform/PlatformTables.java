package streamworkbook.platform;

import java.util.ArrayList;
import java.util.List;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.week02.Catalog;
import streamworkbook.week08.AnalyticsTables;
import streamworkbook.week12.ApiTables;
import streamworkbook.week12.ClickHouseHttp;
import streamworkbook.week12.DemoData;

/**
 * The platform's ClickHouse database: week 12's tables (which are week 6's events and rollups, week 8's alerts, week
 * 10's quality report and the dimensions), week 8's analytics tables, and the catalogue as dimensions.
 */
final class PlatformTables {

    private PlatformTables() {
    }

    static List<String> ddl() {
        List<String> all = new ArrayList<>(ApiTables.ALL);
        AnalyticsTables.ALL.stream().filter(t -> !t.equals(AnalyticsTables.ALERTS)).forEach(all::add);
        return all;
    }

    /** Creates the database and its tables, and loads the catalogue's products and users (what the API joins with). */
    static ClickHouseEndpoint create(ClickHouseEndpoint server, String database, Catalog catalog) {
        new ClickHouseHttp(server).execute("CREATE DATABASE IF NOT EXISTS " + database);
        ClickHouseEndpoint db = server.withDatabase(database);
        ClickHouseHttp http = new ClickHouseHttp(db);
        ddl().forEach(http::execute);
        DemoData.loadDimensions(http, catalog);
        return db;
    }
}
