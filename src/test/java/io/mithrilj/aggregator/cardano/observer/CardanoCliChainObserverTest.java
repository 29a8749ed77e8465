package io.mithrilj.aggregator.cardano.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import io.mithrilj.aggregator.chain.ChainObserverException;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.protocol.Epoch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cardano-cli observer against a fake {@code cardano-cli} script printing upstream's recorded outputs. */
class CardanoCliChainObserverTest {

    @TempDir
    Path dir;

    Path cli;
    Path calls;

    static final String TIP = """
            {
                "block": 1270276,
                "epoch": 299,
                "era": "Conway",
                "hash": "7383b17d7b05b0953cf0649abff60173995eb9febe556889333e20e1e5b7ca84",
                "slot": 25886617,
                "slotInEpoch": 53017,
                "slotsToEpochEnd": 33383,
                "syncProgress": "100.00"
            }""";

    static final String UTXO = """
            {
                "1fd4d3e131afe3c8b212772a3f3083d2fbc6b2a7b20e54e4ff08e001598818d8#0": {
                    "address": "addr_test1vpcr3he05gemue6eyy0c9clajqnnww8aa2l3jszjdlszjhq093qrn",
                    "datum": null,
                    "inlineDatum": { "constructor": 0, "fields": [ { "bytes": "5b0a20207b0a7d0a5d0a" } ] },
                    "value": { "lovelace": 10000000 }
                },
                "1fd4d3e131afe3c8b212772a3f3083d2fbc6b2a7b20e54e4ff08e001598818d8#1": {
                    "address": "addr_test1vpcr3he05gemue6eyy0c9clajqnnww8aa2l3jszjdlszjhq093qrn",
                    "inlineDatum": null,
                    "value": { "lovelace": 9989656678 }
                }
            }""";

    static final String SNAPSHOT_ALL = """
            {
                "pools": {
                    "00000036d515e12e18cd3c88c74f09a67984c2c279a5296aa96efe89": { "stakeGo": 300000000000, "stakeMark": 300000000001, "stakeSet": 300000000002 },
                    "000000f66e28b0f18aef20555f4c4954234e3270dfbbdcc13f54e799": { "stakeGo": 600000000000, "stakeMark": 600000000001, "stakeSet": 600000000002 },
                    "00000110093effbf3ce788aebd3e7506b80322bd3995ad432e61fad5": { "stakeGo": 1200000000000, "stakeMark": 1200000000001, "stakeSet": 1200000000002 },
                    "00000ffff93effbf3ce788aebd3e7506b80322bd3995ad432e61fad5": { "stakeGo": 0, "stakeMark": 0, "stakeSet": 1300000000002 }
                },
                "total": { "stakeGo": 2100000000000, "stakeMark": 2100000000003, "stakeSet": 2100000000006 }
            }""";

    static final String DISTRIBUTION = """

                               PoolId                                 Stake frac
            ------------------------------------------------------------------------------
            pool1qqyjr9pcrv97gwrueunug829fs5znw6p2wxft3fvqkgu5f4qlrg   2.493e-3
            pool1qpqvz90w7qsex2al2ejjej0rfgrwsguch307w8fraw7a7adf6g8   2.474e-11
            """;

    @BeforeEach
    void writeFakeCli() throws IOException {
        calls = dir.resolve("calls.txt");
        for (var f : Map.of("tip.json", TIP, "utxo.json", UTXO, "all.json", SNAPSHOT_ALL, "dist.txt", DISTRIBUTION)
                .entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
        cli = dir.resolve("cardano-cli");
        Files.writeString(cli, """
                #!/bin/sh
                D="$(dirname "$0")"
                echo "$CARDANO_NODE_SOCKET_PATH $*" >> "$D/calls.txt"
                case "$2 $3 $4" in
                  "query tip "*) cat "$D/tip.json" ;;
                  "query utxo --address") cat "$D/utxo.json" > "$7" ;;
                  "query stake-snapshot --all-stake-pools")
                    if [ -f "$D/legacy" ]; then echo "unknown option" >&2; exit 1; fi
                    cat "$D/all.json" ;;
                  "query stake-distribution "*) cat "$D/dist.txt" ;;
                  "query stake-snapshot --stake-pool-id")
                    if [ "$5" = "pool1qpqvz90w7qsex2al2ejjej0rfgrwsguch307w8fraw7a7adf6g8" ]; then M=0; else M=3000000; fi
                    echo "{\\"poolStakeGo\\": 1000000, \\"poolStakeMark\\": $M}" ;;
                  *) echo "unexpected $*" >&2; exit 2 ;;
                esac
                """);
        Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwx------"));
    }

    CardanoCliChainObserver observer(CardanoNetwork network) {
        return new CardanoCliChainObserver(cli, Path.of("/tmp/node.socket"), network, Duration.ofSeconds(10));
    }

    @Test
    void parsesTipUtxoAndStakesAsUpstream() throws IOException {
        CardanoCliChainObserver o = observer(new CardanoNetwork("private", 10));
        assertThat(o.currentEra()).contains("Conway");
        assertThat(o.currentEpoch()).contains(new Epoch(299));
        assertThat(o.currentChainPoint())
                .contains(new ChainPoint(
                        25886617, 1270276, "7383b17d7b05b0953cf0649abff60173995eb9febe556889333e20e1e5b7ca84"));
        assertThat(o.currentKesPeriod()).contains(25886617L / 129600);
        assertThat(o.currentDatums("addr_test1vpcr3he05gemue6eyy0c9clajqnnww8aa2l3jszjdlszjhq093qrn"))
                .containsExactly("{\"constructor\":0,\"fields\":[{\"bytes\":\"5b0a20207b0a7d0a5d0a\"}]}");
        assertThat(o.currentStakeDistribution())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "pool1qqqqqdk4zhsjuxxd8jyvwncf5eucfskz0xjjj64fdmlgj735lr9", 300000000001L,
                        "pool1qqqqpanw9zc0rzh0yp247nzf2s35uvnsm7aaesfl2nnejaev0uc", 600000000001L,
                        "pool1qqqqzyqf8mlm70883zht60n4q6uqxg4a8x266sewv8ad2grkztl", 1200000000001L));
        List<String> lines = Files.readAllLines(calls);
        assertThat(lines.getFirst()).isEqualTo("/tmp/node.socket latest query tip --testnet-magic 10");
        assertThat(lines)
                .anyMatch(
                        l -> l.matches(
                                "/tmp/node.socket latest query utxo --address addr_test1\\S+ --out-file \\S+ --testnet-magic 10"));
    }

    @Test
    void fallsBackToTheLegacyStakeDistributionAndUsesMainnetFlag() throws IOException {
        Files.writeString(dir.resolve("legacy"), "");
        CardanoCliChainObserver o = observer(CardanoNetwork.of("mainnet", OptionalLong.empty()));
        assertThat(o.currentStakeDistribution())
                .containsExactly(Map.entry("pool1qqyjr9pcrv97gwrueunug829fs5znw6p2wxft3fvqkgu5f4qlrg", 3000000L));
        assertThat(Files.readAllLines(calls)).contains("/tmp/node.socket latest query stake-distribution --mainnet");
    }

    @Test
    void aFailingCliOrAMissingOneIsAChainObserverError() {
        assertThatThrownBy(() -> observer(new CardanoNetwork("private", 10)).run("query", "nothing"))
                .isInstanceOf(ChainObserverException.class)
                .hasMessageContaining("error = 'unexpected latest query nothing --testnet-magic 10'");
        CardanoCliChainObserver missing = new CardanoCliChainObserver(
                dir.resolve("absent-cli"), Path.of("/tmp/x"), new CardanoNetwork("private", 1), Duration.ofSeconds(1));
        assertThatThrownBy(missing::currentEpoch)
                .isInstanceOf(ChainObserverException.class)
                .hasMessageContaining("cannot run cardano-cli at");
    }
}
