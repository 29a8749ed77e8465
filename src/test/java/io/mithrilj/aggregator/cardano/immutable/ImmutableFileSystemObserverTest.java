package io.mithrilj.aggregator.cardano.immutable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.chain.ChainObserverException;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImmutableFileSystemObserverTest {

    @TempDir
    Path db;

    void copyFixture(String from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(UpstreamReference.cardanoTestData(from))) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    @Test
    void theFixtureDatabaseHasTwoAsLastCompletedNumber() throws IOException {
        copyFixture("immutable", db.resolve("node/db/immutable"));
        Files.createDirectories(db.resolve("node/db/ledger"));
        assertThat(new ImmutableFileSystemObserver(db).lastImmutableFileNumber())
                .isEqualTo(2);
        assertThat(ImmutableFile.listAll(db))
                .hasSize(12)
                .first()
                .satisfies(f -> assertThat(f.number()).isZero());
        assertThat(ImmutableFile.listCompleted(db)).hasSize(9);
    }

    @Test
    void theParsingErrorFixtureCounts04831AsCompleted() throws IOException {
        copyFixture("parsing_error/immutable", db.resolve("immutable"));
        assertThat(new ImmutableFileSystemObserver(db).lastImmutableFileNumber())
                .isEqualTo(4831);
    }

    @Test
    void theNodeAddingATrioMovesTheNumber() throws IOException {
        copyFixture("immutable", db.resolve("immutable"));
        for (String ext : new String[] {"chunk", "primary", "secondary"})
            Files.writeString(db.resolve("immutable/00004." + ext), "");
        assertThat(new ImmutableFileSystemObserver(db).lastImmutableFileNumber())
                .isEqualTo(3);
    }

    @Test
    void missingFolderOnlyOneTrioOrABadStemAreErrors() throws IOException {
        assertThatThrownBy(() -> new ImmutableFileSystemObserver(db).lastImmutableFileNumber())
                .isInstanceOf(ChainObserverException.class)
                .hasMessageContaining("Couldn't find the 'immutable' folder in '" + db + "'");
        Files.createDirectories(db.resolve("immutable"));
        Files.writeString(db.resolve("immutable/00000.chunk"), "");
        Files.writeString(db.resolve("immutable/00000.primary"), "");
        Files.writeString(db.resolve("immutable/notes.txt"), "ignored");
        assertThatThrownBy(() -> new ImmutableFileSystemObserver(db).lastImmutableFileNumber())
                .isInstanceOf(ChainObserverException.class)
                .hasMessageContaining("no immutable file was returned");
        Files.writeString(db.resolve("immutable/abc.chunk"), "");
        assertThatThrownBy(() -> new ImmutableFileSystemObserver(db).lastImmutableFileNumber())
                .isInstanceOf(ChainObserverException.class)
                .hasMessageContaining("Error while parsing immutable file number");
    }
}
