package io.mithrilj.aggregator.cardano.immutable;

import io.mithrilj.aggregator.cardano.block.BlockDecoder;
import io.mithrilj.aggregator.cardano.block.BlockDecodingException;
import io.mithrilj.aggregator.cardano.block.ScannedBlock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads the blocks of one immutable chunk through its secondary index (ouroboros-consensus immutable DB, spec
 * §5.3–§5.4): 56-byte entries giving each block's offset, CRC-32 and header hash. Upstream 2603.1 imports
 * transactions over chain-sync; this reader serves tests, the devnet and offline imports. Every defect is an
 * {@link ImmutableFileParseException} naming the file and offset.
 */
public final class ImmutableChunkReader {

    static final int SECONDARY_ENTRY = 56;

    private ImmutableChunkReader() {}

    /** The blocks of {@code NNNNN.chunk}, in chain order, checked against the CRC and hash of the index. */
    public static List<ScannedBlock> readBlocks(Path chunkFile) {
        String name = chunkFile.getFileName().toString();
        Path secondaryFile = chunkFile.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".secondary");
        byte[] chunk = read(chunkFile);
        byte[] secondary = read(secondaryFile);
        if (secondary.length % SECONDARY_ENTRY != 0)
            throw new ImmutableFileParseException(
                    secondaryFile, secondary.length, "size is not a multiple of " + SECONDARY_ENTRY + " bytes", null);
        ByteBuffer index = ByteBuffer.wrap(secondary);
        int entries = secondary.length / SECONDARY_ENTRY;
        List<ScannedBlock> blocks = new ArrayList<>(entries);
        BlockDecoder decoder = new BlockDecoder();
        for (int k = 0; k < entries; k++) {
            int at = k * SECONDARY_ENTRY;
            long start = index.getLong(at);
            long end = k + 1 < entries ? index.getLong(at + SECONDARY_ENTRY) : chunk.length;
            if (start < 0 || end < start || end > chunk.length)
                throw new ImmutableFileParseException(
                        chunkFile,
                        start,
                        "block " + k + " spans " + start + ".." + end + " of " + chunk.length + " bytes",
                        null);
            CRC32 crc = new CRC32();
            crc.update(chunk, (int) start, (int) (end - start));
            long expectedCrc = Integer.toUnsignedLong(index.getInt(at + 12));
            if (crc.getValue() != expectedCrc)
                throw new ImmutableFileParseException(chunkFile, start, "block " + k + " fails its CRC-32", null);
            ScannedBlock block;
            try {
                block = decoder.decode(chunk, (int) start, (int) (end - start));
            } catch (BlockDecodingException e) {
                throw new ImmutableFileParseException(chunkFile, start, e.getMessage(), e);
            }
            byte[] hash = new byte[32];
            index.get(at + 16, hash);
            if (!block.blockHash().equals(java.util.HexFormat.of().formatHex(hash)))
                throw new ImmutableFileParseException(
                        chunkFile, start, "block " + k + " hash differs from the index", null);
            blocks.add(block);
        }
        return blocks;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImmutableFileParseException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }
}
