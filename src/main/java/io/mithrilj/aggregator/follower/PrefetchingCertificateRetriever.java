package io.mithrilj.aggregator.follower;

import io.mithrilj.aggregator.certificate.CertificateRetriever;
import io.mithrilj.aggregator.protocol.Certificate;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The leader as the certificate retriever of one walk down its chain, one certificate ahead. The verifier fetches a
 * certificate's parent, then verifies the certificate; so as soon as a certificate is returned, its own parent is
 * requested on a virtual thread, and the leader's answer and its parsing overlap the verification of the certificate
 * instead of following it. What the walk asks for is unchanged: a certificate fetched ahead is used only when the walk
 * asks for exactly that hash next, otherwise it is dropped; a failed fetch ahead fails the request that asks for it,
 * with the error a direct request would have had. One walk at a time, from one thread; {@link #close()} drops a fetch
 * still in flight (its thread is interrupted, which ends the leader's request).
 */
final class PrefetchingCertificateRetriever implements CertificateRetriever, AutoCloseable {

    /** Where the certificates come from: the leader's {@code GET /certificate/{hash}}. */
    @FunctionalInterface
    interface Source {
        Certificate certificate(String hash) throws LeaderAggregatorException;
    }

    private final Source source;
    private String aheadHash;
    private FutureTask<Certificate> ahead;

    PrefetchingCertificateRetriever(Source source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Certificate getCertificateDetails(String hash) throws LeaderAggregatorException {
        Certificate certificate = ahead != null && hash.equals(aheadHash) ? awaitAhead(hash) : fetchNow(hash);
        fetchParentAhead(certificate);
        return certificate;
    }

    /** The hash being fetched ahead, if any (for tests). */
    String aheadHash() {
        return aheadHash;
    }

    @Override
    public void close() {
        drop();
    }

    private Certificate fetchNow(String hash) throws LeaderAggregatorException {
        drop();
        return source.certificate(hash);
    }

    private void fetchParentAhead(Certificate certificate) {
        if (certificate.isGenesis() || certificate.previousHash().isEmpty()) return;
        String parent = certificate.previousHash();
        FutureTask<Certificate> task = new FutureTask<>(() -> source.certificate(parent));
        aheadHash = parent;
        ahead = task;
        Thread.ofVirtual().name("leader-certificate-prefetch").start(task);
    }

    private Certificate awaitAhead(String hash) throws LeaderAggregatorException {
        FutureTask<Certificate> task = ahead;
        ahead = null;
        aheadHash = null;
        try {
            return task.get();
        } catch (ExecutionException e) {
            // the fetch's own error, as a direct request would have thrown it
            Throwable cause = e.getCause();
            if (cause instanceof LeaderAggregatorException leaderError) throw leaderError;
            if (cause instanceof RuntimeException runtime) throw runtime;
            if (cause instanceof Error error) throw error;
            throw new LeaderAggregatorException(
                    "fetching certificate '" + hash + "' from the leader failed: " + cause, cause);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new LeaderAggregatorException(
                    "interrupted while waiting for certificate '" + hash + "' from the leader", e);
        }
    }

    private void drop() {
        if (ahead != null) ahead.cancel(true);
        ahead = null;
        aheadHash = null;
    }
}
