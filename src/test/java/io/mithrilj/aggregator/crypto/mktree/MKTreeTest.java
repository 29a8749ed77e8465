package io.mithrilj.aggregator.crypto.mktree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Golden vectors of artifacts.md §8.2–§8.3: upstream's unit vector and the CardanoTransactions fixture. */
class MKTreeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The five block ranges and transactions of the CTx fixture (artifacts.md §8.2). */
    private static final String[][] CTX_RANGES = {
        {"90-105", "be3ab99537dcf81aa66eb4688048417a30744704f943a3c8e4306bbba24e70db"},
        {"120-135", "2ec333a639e9e29212b7c325ac2b6332fd8d27f1c13b8fc0297a3c9e9af6d621"},
        {"225-240", "8abc2804399a30fe8511e2dcf2aed2b3a97b165a7492b97fafef12034ef85ad1"},
        {"255-270", "6baa26fe970390e62c574177124594ba764e55439a990038e469c0e102d72410"},
        {"270-285", "4850b01625b63ccc72c8767ef43a86669b8471d726a7ae81b5a67b5e17047dd9"},
    };

    private static final String[] CTX_MAP_LEAVES = {
        "812b69fcb080f6e1e9dbdb34eb075e62c1d774e6f642cb7f5bc7cf66ba58785f",
        "41fc4c571fd81f5bb7236643fb9ac12f68b83af98e826ccb437a4fc8361355a9",
        "d2064de3e18c8865f720e909aebff3395491b46a4f8ad9c6b4ac7c0f2e0b64a5",
        "78510866c9dbb1f56eb15ddd9a26d3d1c533ea3c57e743d7d379f556ab3bf3c9",
        "064da59b84e2031d11fa7761436349ca4cee95aa67107e6e5a71831b79f4f4c2",
    };

    @Test
    void upstreamGoldenRootOfFiveLeaves() {
        MKTree tree = MKTree.ofTexts(List.of("golden-1", "golden-2", "golden-3", "golden-4", "golden-5"));
        assertThat(tree.computeRoot().toHex())
                .isEqualTo("3bbced153528697ecde7345a22e50115306478353619411523e804f2323fd921");
        assertThat(tree.mmrSize()).isEqualTo(8);
    }

    @Test
    void singleLeafRootIsTheLeafItselfWhateverItsLength() {
        assertThat(MKTree.ofTexts(List.of("pool-123100")).computeRoot().toHex()).isEqualTo("706f6f6c2d313233313030");
        String tx = CTX_RANGES[0][1];
        assertThat(MKTree.ofTexts(List.of(tx)).computeRoot().toBytes())
                .isEqualTo(tx.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void emptyTreeHasNoRoot() {
        assertThatThrownBy(() -> MKTree.of(List.of()).computeRoot())
                .isInstanceOf(MKTreeException.class)
                .hasMessageStartingWith(MKTreeException.EMPTY_TREE_ROOT);
    }

    @Test
    void ctxMapLeavesRootsAndPositionsOfTheFixture() {
        for (int i = 0; i < 5; i++) {
            MKTreeNode leaf = mapLeaf(i);
            assertThat(leaf.toHex()).isEqualTo(CTX_MAP_LEAVES[i]);
        }
        String[] roots = {
            CTX_MAP_LEAVES[0],
            "6cd9248820dd8669fd20d23bb9b4a7d09d8cdb0ccc65914394ea8e3d46da7c82",
            "ca143f2417ec75633b69fc2da688a1ec3aaadb857e32fbe794446e7050f747ce",
            "9aa10587278b22d3b1422528d3def8f01881ce8ce8dd96ac5d792f6222abc006",
            "ad3f0bb12a50679e926fb29f417001cd52e852019207acc3d3117e4b6a74a531",
        };
        for (int n = 1; n <= 5; n++) {
            MKTree tree = MKTree.of(
                    IntStream.range(0, n).mapToObj(MKTreeTest::mapLeaf).toList());
            assertThat(tree.computeRoot().toHex()).as("root of %d leaves", n).isEqualTo(roots[n - 1]);
        }
        MKTree five = ctxMapTree();
        long[] positions = {0, 1, 3, 4, 7};
        for (int i = 0; i < 5; i++) {
            assertThat(five.computeProof(List.of(mapLeaf(i)))
                            .leaves()
                            .getFirst()
                            .position())
                    .isEqualTo(positions[i]);
            assertThat(Mmr.leafIndexToPosition(i)).isEqualTo(positions[i]);
        }
    }

    @Test
    void peaksAndHeightsOfSmallMountainRanges() {
        assertThat(Mmr.peaks(8)).containsExactly(6L, 7L);
        assertThat(Mmr.peaks(4)).containsExactly(2L, 3L);
        assertThat(Mmr.peaks(1)).containsExactly(0L);
        assertThat(Mmr.peaks(11)).containsExactly(6L, 9L, 10L);
        assertThat(IntStream.range(0, 11).map(p -> Mmr.height(p)).toArray())
                .containsExactly(0, 0, 1, 0, 0, 1, 2, 0, 0, 1, 0);
    }

    @Test
    void everyFixtureProofVerifiesAndIsRegeneratedByteForByte() throws IOException {
        JsonNode proofs = MAPPER.readTree(Files.readString(UpstreamReference.fakeData("ctx-proofs.json")));
        MKTree tree = ctxMapTree();
        int checked = 0;
        for (JsonNode response : proofs) {
            for (JsonNode certified : response.get("certified_transactions")) {
                JsonNode proof = MAPPER.readTree(new String(
                        HexFormat.of().parseHex(certified.get("proof").asText()), StandardCharsets.UTF_8));
                JsonNode master = proof.get("master_proof");
                MKProof parsed = parse(master);
                parsed.verify();
                assertThat(parsed.root().toHex())
                        .isEqualTo("ad3f0bb12a50679e926fb29f417001cd52e852019207acc3d3117e4b6a74a531");

                MKProof regenerated = tree.computeProof(parsed.leafNodes());
                assertThat(regenerated.toJson()).isEqualTo(master.toString());
                assertThat(regenerated).isEqualTo(parsed);

                for (JsonNode sub : proof.get("sub_proofs")) {
                    MKProof subProof = parse(sub.get(1).get("master_proof"));
                    subProof.verify();
                    MKTree rangeTree = MKTree.of(subProof.leafNodes());
                    assertThat(rangeTree.computeProof(subProof.leafNodes()).toJson())
                            .isEqualTo(sub.get(1).get("master_proof").toString());
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void aFlippedProofItemFailsVerification() throws IOException {
        JsonNode proofs = MAPPER.readTree(Files.readString(UpstreamReference.fakeData("ctx-proofs.json")));
        JsonNode proof = MAPPER.readTree(new String(
                HexFormat.of()
                        .parseHex(proofs.get(CTX_RANGES[0][1])
                                .get("certified_transactions")
                                .get(0)
                                .get("proof")
                                .asText()),
                StandardCharsets.UTF_8));
        MKProof good = parse(proof.get("master_proof"));
        good.verify();
        byte[] first = good.items().getFirst().toBytes();
        first[31] ^= 1;
        List<MKTreeNode> items = new ArrayList<>(good.items());
        items.set(0, MKTreeNode.of(first));
        MKProof bad = new MKProof(good.root(), good.leaves(), good.mmrSize(), items);
        assertThatThrownBy(bad::verify)
                .isInstanceOf(MKTreeException.class)
                .hasMessageStartingWith(MKTreeException.INVALID_PROOF);
    }

    @Test
    void twoLeafMasterProofOfTheSpec() {
        MKProof proof = ctxMapTree().computeProof(List.of(mapLeaf(0), mapLeaf(4)));
        assertThat(proof.leaves()).extracting(MKProof.Leaf::position).containsExactly(0L, 7L);
        assertThat(proof.items())
                .extracting(MKTreeNode::toHex)
                .containsExactly(CTX_MAP_LEAVES[1], "22ca625fedce114fd25d0e6a3b461037ec2859d75fcc7ad32ffc22d962227899");
        proof.verify();
        proof.contains(List.of(mapLeaf(4)));
        assertThatThrownBy(() -> proof.contains(List.of(mapLeaf(2))))
                .hasMessageStartingWith(MKTreeException.LEAVES_NOT_IN_PROOF);
    }

    @Test
    void aProofOfAnAbsentLeafIsRefused() {
        assertThatThrownBy(() -> ctxMapTree().computeProof(List.of(MKTreeNode.ofText("absent"))))
                .isInstanceOf(MKTreeException.class)
                .hasMessage(MKTreeException.LEAF_NOT_FOUND);
    }

    @Test
    void aRepeatedLeafIsProvenAtItsLastPosition() {
        MKTree tree = MKTree.ofTexts(List.of("a", "b", "a"));
        MKProof proof = tree.computeProof(List.of(MKTreeNode.ofText("a")));
        assertThat(proof.leaves().getFirst().position()).isEqualTo(3);
        proof.verify();
    }

    static MKTreeNode mapLeaf(int i) {
        return MKTreeNode.merge(MKTreeNode.ofText(CTX_RANGES[i][0]), MKTreeNode.ofText(CTX_RANGES[i][1]));
    }

    static MKTree ctxMapTree() {
        return MKTree.of(IntStream.range(0, 5).mapToObj(MKTreeTest::mapLeaf).toList());
    }

    static MKProof parse(JsonNode p) {
        List<MKProof.Leaf> leaves = new ArrayList<>();
        for (JsonNode l : p.get("inner_leaves")) {
            leaves.add(new MKProof.Leaf(l.get(0).asLong(), node(l.get(1))));
        }
        List<MKTreeNode> items = new ArrayList<>();
        for (JsonNode i : p.get("inner_proof_items")) {
            items.add(node(i));
        }
        return new MKProof(
                node(p.get("inner_root")), leaves, p.get("inner_proof_size").asLong(), items);
    }

    private static MKTreeNode node(JsonNode n) {
        JsonNode hash = n.get("hash");
        byte[] b = new byte[hash.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) hash.get(i).asInt();
        }
        return MKTreeNode.of(b);
    }
}
