package io.mithrilj.aggregator.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.artifact.upload.UploadTarget;
import io.mithrilj.aggregator.artifact.upload.Uploaders;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Removes the archives the local uploader published for epochs older than the retention (STORE_RETENTION_LIMIT, at
 * least 3 epochs, as the stores' pruning): the legacy snapshots and the Cardano database ancillary and digests archives,
 * whose names carry their beacon ({@code <network>-e<epoch>-i<N>…}). Beyond upstream, which never removes an archive: a
 * legacy snapshot is the whole database, made at each immutable file, and a disk filled by them stops certification. The
 * per-trio archives are never removed (every Cardano database artifact refers to all of them), nor any file of the
 * newest artifact of each type, however old. Older artifacts stay listed, as upstream keeps them; their archives are
 * gone. A bucket (gcp uploader) is the operator's to expire, with its lifecycle rules.
 */
@ApplicationScoped
public class ArchivePruner {
    private static final Logger LOG = Logger.getLogger(ArchivePruner.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern BEACON_EPOCH = Pattern.compile("-e(\\d+)-i\\d+\\.");
    static final List<UploadTarget> PRUNED =
            List.of(UploadTarget.IMMUTABLE_FILES_FULL, UploadTarget.CDB_ANCILLARY, UploadTarget.CDB_DIGESTS);

    private final AggregatorConfig config;
    private final ArtifactQueries artifacts;

    ArchivePruner(AggregatorConfig config, ArtifactQueries artifacts) {
        this.config = config;
        this.artifacts = artifacts;
    }

    /**
     * Removes the archives of beacon epochs before {@code epoch − retention}; the number removed.
     *
     * @param retention epochs kept (already at least the stores' minimum)
     */
    public int prune(Epoch epoch, long retention) {
        if (!Uploaders.LOCAL.equals(config.snapshotUploaderType())) return 0;
        long threshold = epoch.value() - retention;
        if (threshold <= 0) return 0;
        int removed = prune(Path.of(config.snapshotDirectory()), threshold, newestArtifactsFiles());
        if (removed > 0) {
            LOG.infof("%d archives of epochs before %d removed (retention %d epochs)", removed, threshold, retention);
        }
        return removed;
    }

    /**
     * Removes from the pruned directories under {@code snapshots} the archives whose beacon epoch is before {@code
     * threshold}, except those named in {@code kept}; the number removed.
     */
    static int prune(Path snapshots, long threshold, Set<String> kept) {
        int removed = 0;
        for (UploadTarget target : PRUNED) {
            Path directory = snapshots.resolve(target.localDirectory());
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) continue;
            List<Path> files;
            try (Stream<Path> listing = Files.list(directory)) {
                files = listing.toList();
            } catch (IOException e) {
                LOG.warnf("can not list %s to remove its old archives: %s", directory, e.getMessage());
                continue;
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                Matcher m = BEACON_EPOCH.matcher(name);
                if (!m.find() || kept.contains(name)) continue;
                if (Long.parseLong(m.group(1)) >= threshold) continue;
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) continue;
                try {
                    Files.deleteIfExists(file);
                    removed++;
                } catch (IOException e) {
                    LOG.warnf("can not remove the old archive %s: %s", file, e.getMessage());
                }
            }
        }
        return removed;
    }

    /** The file names the newest artifact of each Cardano database type links to. */
    private Set<String> newestArtifactsFiles() {
        Set<String> names = new HashSet<>();
        for (SignedEntityKind kind :
                List.of(SignedEntityKind.CARDANO_IMMUTABLE_FILES_FULL, SignedEntityKind.CARDANO_DATABASE)) {
            artifacts.latest(kind).await().atMost(STORE_TIMEOUT).ifPresent(json -> names.addAll(linkedFileNames(json)));
        }
        return names;
    }

    /** The last path segment of every URI-like text of an artifact message (its locations). */
    static Set<String> linkedFileNames(String artifactJson) {
        Set<String> names = new HashSet<>();
        collect(MessageJson.parse(artifactJson), names);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            String text = node.textValue();
            int slash = text.lastIndexOf('/');
            if (slash >= 0) names.add(text.substring(slash + 1));
        } else {
            node.forEach(child -> collect(child, names));
        }
    }
}
