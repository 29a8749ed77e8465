package io.mithrilj.aggregator.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mithrilj.aggregator.protocol.ProtocolParameters;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormattingTest {

    @Test
    void floatsAsSerdeJsonZmij() {
        assertEquals("0.95", SerdeJsonFloat.format(0.95));
        assertEquals("0.2", SerdeJsonFloat.format(0.2));
        assertEquals("0.123", SerdeJsonFloat.format(0.123));
        assertEquals("1.0", SerdeJsonFloat.format(1.0));
        assertEquals("0.0", SerdeJsonFloat.format(0.0));
        assertEquals("-0.0", SerdeJsonFloat.format(-0.0));
        assertEquals("100.0", SerdeJsonFloat.format(100.0));
        assertEquals("12.34", SerdeJsonFloat.format(12.34));
        assertEquals("0.00001", SerdeJsonFloat.format(1e-5));
        assertEquals("0.000123", SerdeJsonFloat.format(1.23e-4));
        assertEquals("1e-6", SerdeJsonFloat.format(1e-6));
        assertEquals("1e-7", SerdeJsonFloat.format(1e-7));
        assertEquals("1.5e-7", SerdeJsonFloat.format(1.5e-7));
        assertEquals("1000000000000000.0", SerdeJsonFloat.format(1e15));
        assertEquals("1234567890123456.0", SerdeJsonFloat.format(1234567890123456.0));
        assertEquals("1e+16", SerdeJsonFloat.format(1e16));
        assertEquals("1.5e+16", SerdeJsonFloat.format(1.5e16));
        assertEquals("1.7976931348623157e+308", SerdeJsonFloat.format(Double.MAX_VALUE));
        assertEquals("5e-324", SerdeJsonFloat.format(Double.MIN_VALUE));
        assertEquals("1e-323", SerdeJsonFloat.format(1e-323));
        assertEquals("1.2e-322", SerdeJsonFloat.format(1.2e-322));
        assertEquals("6.62607015e-34", SerdeJsonFloat.format(6.62607015e-34));
        assertEquals("-4.932096661796888e-226", SerdeJsonFloat.format(-4.932096661796888e-226));
        assertEquals("3.439070283483335e+35", SerdeJsonFloat.format(3.439070283483335e+35));
        assertEquals("2e+23", SerdeJsonFloat.format(2e23));
        assertEquals("0.30000000000000004", SerdeJsonFloat.format(0.1 + 0.2));
        assertEquals("{\"k\":5,\"m\":100,\"phi_f\":0.65}", CertificateJson.write(new ProtocolParameters(5, 100, 0.65)));
        assertEquals("{\"k\":5,\"m\":100,\"phi_f\":1e-7}", CertificateJson.write(new ProtocolParameters(5, 100, 1e-7)));
    }

    @Test
    void floatsRoundTrip() {
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 20000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            assertEquals(d, Double.parseDouble(SerdeJsonFloat.format(d)));
        }
    }

    @Test
    void timestampsAsChronoAutoSi() {
        assertEquals("2025-07-07T15:42:44Z", Rfc3339.format(Instant.parse("2025-07-07T15:42:44Z")));
        assertEquals("2025-07-07T15:42:44.100Z", Rfc3339.format(Instant.parse("2025-07-07T15:42:44.1Z")));
        assertEquals("2025-07-07T15:42:44.330752Z", Rfc3339.format(Instant.parse("2025-07-07T15:42:44.330752Z")));
        assertEquals("2025-07-07T15:42:44.330752100Z", Rfc3339.format(Instant.parse("2025-07-07T15:42:44.3307521Z")));
        assertEquals("2022-07-17T18:51:23.192811338Z", Rfc3339.format(Rfc3339.parse("2022-07-17T18:51:23.192811338Z")));
        assertEquals(
                Instant.parse("2025-07-07T13:42:44.000000001Z"), Rfc3339.parse("2025-07-07T15:42:44.000000001+02:00"));
        assertEquals(Instant.parse("2025-07-07T15:42:44Z"), Rfc3339.parse("2025-07-07t15:42:44z"));
        assertEquals(Instant.parse("2025-07-07T15:42:44.5Z"), Rfc3339.parse("2025-07-07T15:42:44.500000+00:00"));
        assertEquals(Instant.parse("2025-07-07T15:42:44.5Z"), Rfc3339.parse("2025-07-07 15:42:44.5-00:00"));
        org.junit.jupiter.api.Assertions.assertThrows(
                MessageFormatException.class, () -> Rfc3339.parse("2025-07-07T15:42Z"));
        org.junit.jupiter.api.Assertions.assertThrows(
                MessageFormatException.class, () -> Rfc3339.parse("2025-07-07T15:42:44"));
    }
}
