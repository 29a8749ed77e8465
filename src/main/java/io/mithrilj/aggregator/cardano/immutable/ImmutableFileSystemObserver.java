package io.mithrilj.aggregator.cardano.immutable;

import io.mithrilj.aggregator.chain.ChainObserverException;
import io.mithrilj.aggregator.chain.ImmutableFileObserver;
import java.nio.file.Path;
import java.util.List;

/**
 * The last completed immutable file number of {@code DB_DIRECTORY} (upstream
 * {@code ImmutableFileSystemObserver}): read from the file listing on every call, no cache, since the node
 * adds a trio every chunk of slots.
 */
public final class ImmutableFileSystemObserver implements ImmutableFileObserver {

    private final Path dbDirectory;

    public ImmutableFileSystemObserver(Path dbDirectory) {
        this.dbDirectory = dbDirectory;
    }

    @Override
    public long lastImmutableFileNumber() {
        List<ImmutableFile> completed;
        try {
            completed = ImmutableFile.listCompleted(dbDirectory);
        } catch (ImmutableFileListingException | java.io.UncheckedIOException e) {
            throw new ChainObserverException(
                    "Immutable File System Observer can not list all immutable files: " + e.getMessage(), e);
        }
        if (completed.isEmpty())
            throw new ChainObserverException("no immutable file was returned from '" + dbDirectory + "'");
        return completed.getLast().number();
    }
}
