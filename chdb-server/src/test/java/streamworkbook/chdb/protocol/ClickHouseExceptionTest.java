package streamworkbook.chdb.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClickHouseExceptionTest {

    @Test
    void anErrorWrappedInItselfIsReportedOnce() {
        String wrapped = "Code: 73. DB::Exception: Code: 73. DB::Exception: Code: 73. DB::Exception: Unknown format"
                + " Nope. Maybe you meant: ['One','Npy']. (UNKNOWN_FORMAT) (version 26.5.1.1). (UNKNOWN_FORMAT)"
                + " (version 26.5.1.1). (UNKNOWN_FORMAT)";
        ClickHouseException e = ClickHouseException.fromEngine(wrapped);
        assertEquals(73, e.code());
        assertEquals("Code: 73. DB::Exception: Unknown format Nope. Maybe you meant: ['One','Npy']. (UNKNOWN_FORMAT)",
                e.text());
    }

    @Test
    void anOrdinaryErrorIsKeptAsItIs() {
        String text = "Code: 60. DB::Exception: Unknown table expression identifier 't' in scope SELECT * FROM t."
                + " (UNKNOWN_TABLE)";
        assertEquals(text, ClickHouseException.fromEngine(text).text());
        String quoting = "Code: 395. DB::Exception: Code: 395. DB::Exception: x: while executing 'f'."
                + " (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)";
        assertEquals("Code: 395. DB::Exception: x: while executing 'f'", ClickHouseException.fromEngine(quoting).text()
                .substring(0, "Code: 395. DB::Exception: x: while executing 'f'".length()));
    }
}
