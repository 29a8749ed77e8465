package io.mithrilj.aggregator.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProtocolHashesTest {
    private static final List<StakeDistributionParty> PARTIES =
            List.of(new StakeDistributionParty("1", 10), new StakeDistributionParty("2", 20));

    @Test
    void protocolParametersHashAndFixedPoint() {
        assertEquals(
                "c36d7a800cb88eed32791ad2de7a37d758ed878c3c721b254a9a29e42cc6ad4f",
                new ProtocolParameters(70, 105, 0.95).computeHash());
        assertEquals(
                "ace019657cd995b0dfbb1ce8721a1092715972c4ae0171cc636ab4a44e6e4279",
                new ProtocolParameters(1000, 100, 0.123).computeHash());
        assertEquals(0x00f33333, new ProtocolParameters(70, 105, 0.95).phiFixed());
        assertEquals(0x001f7cee, new ProtocolParameters(1000, 100, 0.123).phiFixed());
        // fixed-point equality: doubles rounding to the same U8F24 value are equal
        assertEquals(new ProtocolParameters(70, 105, 0.95), new ProtocolParameters(70, 105, 0.95 + 1e-12));
        assertNotEquals(new ProtocolParameters(70, 105, 0.95), new ProtocolParameters(70, 105, 0.95 + 1e-7));
        assertThrows(IllegalArgumentException.class, () -> new ProtocolParameters(1, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new ProtocolParameters(1, 1, 256.0));
        // ties to even: 0.5 ulp of 2^-24
        assertEquals(0, new ProtocolParameters(1, 1, 0x1p-25).phiFixed());
        assertEquals(2, new ProtocolParameters(1, 1, 3 * 0x1p-25).phiFixed());
    }

    @Test
    void partyHashes() {
        assertEquals(
                "3b1b0a6b9570a1eaac8a33e047ced910d57188fbd76b9b1a7597fd1e6745bcce",
                new StakeDistributionParty("pool1efusn4rpffsdlm276ct49mdnm6z82ls3juf6hk6aksle5cvru2a", 20000000001L)
                        .computeHash());
        assertEquals(
                "53084509daf120c51143bad24da31c8c017057424a2db95b35da5aead9e4fac6",
                new StakeDistributionParty("pool1qmt4h5xp8z74uqwg778a6xmgsf6esh0r8ewgxa4eqncx7tafv7s", 20000000001L)
                        .computeHash());
    }

    @Test
    void metadataHashUpstreamConstant() {
        Instant initiated = Instant.parse("2024-02-12T13:11:47.000123043Z");
        CertificateMetadata md = new CertificateMetadata(
                "devnet",
                "0.1.0",
                new ProtocolParameters(1000, 100, 0.123),
                initiated,
                initiated.plusSeconds(100),
                PARTIES);
        assertEquals("f16631f048b33746aa0141cf607ee53ddb76308725e6912530cc41cc54834206", md.computeHash());
        // one nanosecond changes it
        assertNotEquals(
                md.computeHash(),
                new CertificateMetadata(
                                "devnet",
                                "0.1.0",
                                new ProtocolParameters(1000, 100, 0.123),
                                initiated.plusNanos(1),
                                initiated.plusSeconds(100),
                                PARTIES)
                        .computeHash());
    }

    @Test
    void timestampNanos() {
        assertEquals(
                1751902985480281000L, CertificateMetadata.timestampNanos(Instant.parse("2025-07-07T15:43:05.480281Z")));
        assertEquals(0L, CertificateMetadata.timestampNanos(Instant.parse("2263-01-01T00:00:00Z")));
        assertEquals(-1L, CertificateMetadata.timestampNanos(Instant.parse("1969-12-31T23:59:59.999999999Z")));
    }

    private static ProtocolMessage upstreamTestMessage(Properties keys) {
        EnumMap<ProtocolMessagePartKey, String> parts = new EnumMap<>(ProtocolMessagePartKey.class);
        parts.put(ProtocolMessagePartKey.SNAPSHOT_DIGEST, "snapshot-digest-123");
        parts.put(
                ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY,
                keys.getProperty("aggregate_verification_key.1"));
        return ProtocolMessage.of(parts);
    }

    @Test
    void certificateHashUpstreamConstants() {
        Properties keys = Fixtures.upstreamFakeKeys();
        Instant initiated = Instant.parse("2024-02-12T13:11:47.0123043Z");
        CertificateMetadata md = new CertificateMetadata(
                "testnet",
                "0.1.0",
                new ProtocolParameters(1000, 100, 0.123),
                initiated,
                initiated.plusSeconds(100),
                PARTIES);
        ProtocolMessage pm = upstreamTestMessage(keys);
        assertEquals("82c7e6a3a8668ffee721af0ad4ea159ed6ac3792a2c58d890f740a349134db4a", pm.computeHash());

        Certificate standard = new Certificate(
                "",
                "previous_hash",
                new Epoch(10),
                md,
                pm,
                pm.computeHash(),
                keys.getProperty("aggregate_verification_key.0"),
                new CertificateSignature.Multi(
                        new SignedEntityType.MithrilStakeDistribution(new Epoch(10)),
                        keys.getProperty("multi_signature.0")));
        assertEquals("5e341ceeb91cc9957fca96d586e0ff2c66a8d6ec6b90bf84929c060c717094da", standard.computeHash());

        Certificate genesis = new Certificate(
                "",
                "previous_hash",
                new Epoch(10),
                md,
                pm,
                pm.computeHash(),
                keys.getProperty("aggregate_verification_key.1"),
                new CertificateSignature.Genesis(keys.getProperty("genesis_signature.0")));
        assertEquals("6160fca853402c0ea89a0a9ceb5d97462ffd81c558c53feef01dcc0827f5bd19", genesis.computeHash());
    }

    @Test
    void signedEntityTypeFeedBytes() {
        assertEquals(
                hashOf(new SignedEntityType.MithrilStakeDistribution(new Epoch(18))),
                hashOf(new SignedEntityType.CardanoStakeDistribution(new Epoch(18))));
        assertEquals(
                hashOf(new SignedEntityType.CardanoImmutableFilesFull(new CardanoDbBeacon(18, 4))),
                hashOf(new SignedEntityType.CardanoDatabase(new CardanoDbBeacon(18, 4))));
        assertEquals(
                Hashing.hex(sha(Hashing.unhex("0000000000000012000000000000020c"))),
                hashOf(new SignedEntityType.CardanoTransactions(new Epoch(18), 524)));
        assertEquals(
                Hashing.hex(sha(Hashing.unhex("00000000000000050000000000000012000000000000020c"))),
                hashOf(new SignedEntityType.CardanoBlocksTransactions(new Epoch(18), 524)));
        assertThrows(UnsupportedOperationException.class, () -> hashOf(new SignedEntityType.Unknown("Future", "1")));
        assertEquals(new Epoch(11), new SignedEntityType.CardanoStakeDistribution(new Epoch(10)).signedAtEpoch());
    }

    @Test
    void protocolMessageKeyOrderAndUnknownKey() {
        var names = java.util.Arrays.stream(ProtocolMessagePartKey.values())
                .map(ProtocolMessagePartKey::wireName)
                .toList();
        assertEquals(
                List.of(
                        "snapshot_digest",
                        "cardano_transactions_merkle_root",
                        "cardano_blocks_transactions_merkle_root",
                        "next_aggregate_verification_key",
                        "next_protocol_parameters",
                        "current_epoch",
                        "latest_block_number",
                        "cardano_blocks_transactions_block_number_offset",
                        "cardano_stake_distribution_epoch",
                        "cardano_stake_distribution_merkle_root",
                        "cardano_database_merkle_root",
                        "next_aggregate_verification_key_snark"),
                names);
        var e = assertThrows(
                UnknownProtocolMessagePartKeyException.class, () -> ProtocolMessagePartKey.parse("bogus_key"));
        assertTrue(e.getMessage().contains("bogus_key"));
    }

    @Test
    void epochGap() {
        assertTrue(new Epoch(10).hasGapWith(new Epoch(8)));
        assertTrue(new Epoch(8).hasGapWith(new Epoch(10)));
        assertTrue(!new Epoch(9).hasGapWith(new Epoch(10)) && !new Epoch(10).hasGapWith(new Epoch(10)));
        assertEquals("18446744073709551615", new Epoch(-1).toString());
    }

    private static byte[] sha(byte[] b) {
        var d = Hashing.sha256();
        d.update(b);
        return d.digest();
    }

    private static String hashOf(SignedEntityType t) {
        var d = Hashing.sha256();
        t.feedHash(d);
        return Hashing.finish(d);
    }
}
