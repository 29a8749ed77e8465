package io.mithrilj.aggregator.artifact.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A ledger state snapshot of the node database (upstream {@code LedgerStateSnapshot}), named by its slot number: a
 * legacy snapshot is the single file {@code ledger/<slot>}, an in-memory (UTxO-HD) one the directory
 * {@code ledger/<slot>/} holding {@code meta}, {@code state} and {@code tables/tvar}.
 */
record LedgerStateSnapshot(String name, long slot, boolean inMemory) {
    static final String IN_MEMORY_META = "meta";
    static final String IN_MEMORY_STATE = "state";
    static final String IN_MEMORY_TABLES = "tables";
    static final String IN_MEMORY_TVAR = "tvar";

    /** Its files, relative to the ledger directory, in upstream's order. */
    List<String> relativeFiles() {
        if (!inMemory) return List.of(name);
        return List.of(
                name + "/" + IN_MEMORY_META,
                name + "/" + IN_MEMORY_STATE,
                name + "/" + IN_MEMORY_TABLES + "/" + IN_MEMORY_TVAR);
    }

    /**
     * The snapshots directly in {@code ledgerDirectory}, oldest slot first: regular files, and directories with the
     * in-memory layout, whose name is an unsigned 64-bit number; anything else is ignored.
     */
    static List<LedgerStateSnapshot> listAll(Path ledgerDirectory) throws IOException {
        List<LedgerStateSnapshot> snapshots = new ArrayList<>();
        try (Stream<Path> entries = Files.list(ledgerDirectory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                boolean inMemory = Files.isDirectory(entry);
                boolean snapshot = inMemory ? hasInMemoryLayout(entry) : Files.isRegularFile(entry);
                if (!snapshot) continue;
                try {
                    // as Rust's u64 parsing: digits with an optional leading '+'
                    snapshots.add(new LedgerStateSnapshot(name, Long.parseUnsignedLong(name), inMemory));
                } catch (NumberFormatException notASlot) {
                    // not a snapshot (e.g. a node's temporary file)
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        snapshots.sort(Comparator.comparing(LedgerStateSnapshot::slot, Long::compareUnsigned)
                .thenComparing(LedgerStateSnapshot::name));
        return snapshots;
    }

    private static boolean hasInMemoryLayout(Path directory) {
        Path tables = directory.resolve(IN_MEMORY_TABLES);
        return Files.exists(directory.resolve(IN_MEMORY_META))
                && Files.exists(directory.resolve(IN_MEMORY_STATE))
                && Files.exists(tables)
                && Files.exists(tables.resolve(IN_MEMORY_TVAR));
    }
}
