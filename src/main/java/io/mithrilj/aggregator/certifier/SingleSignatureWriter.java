package io.mithrilj.aggregator.certifier;

import io.mithrilj.aggregator.persistence.SingleSignatureRepository;
import io.mithrilj.aggregator.persistence.SingleSignatureRepository.StoredSingleSignature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit of received single signatures: a request thread that finds no write in flight writes every signature
 * queued so far in one statement ({@link SingleSignatureRepository#saveAllIfOpen}); those that arrive meanwhile wait
 * for the next one. A mainnet burst (~1500 signatures within two seconds, twenty request threads) then costs
 * PostgreSQL a commit per handful of signatures instead of one each. Each caller still learns whether its own
 * signature was stored; when the statement fails (a foreign key, one key twice in the batch), each signature of the
 * batch is written alone, so that one bad signature answers for itself only.
 */
final class SingleSignatureWriter {
    private static final int MAX_BATCH = 500;

    private final SingleSignatureRepository repository;
    private final Duration timeout;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    private record Pending(StoredSingleSignature row, CompletableFuture<Boolean> stored) {}

    SingleSignatureWriter(SingleSignatureRepository repository, Duration timeout) {
        this.repository = repository;
        this.timeout = timeout;
    }

    /** Stores the signature if its open message is still open (see {@link SingleSignatureRepository#saveIfOpen}). */
    boolean storeIfOpen(StoredSingleSignature row) {
        Pending pending = new Pending(row, new CompletableFuture<>());
        queue.add(pending);
        writeQueued();
        try {
            return pending.stored().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("single signature of " + row.signerId() + " not stored within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a single signature", e);
        }
    }

    /** Writes batches while some are queued and no other thread writes (re-checked after each release). */
    private void writeQueued() {
        while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                List<Pending> batch = new ArrayList<>();
                for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
                    batch.add(p);
                }
                write(batch);
            } finally {
                writing.set(false);
            }
        }
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) return;
        if (batch.size() > 1) {
            try {
                List<StoredSingleSignature> rows = new ArrayList<>(batch.size());
                for (Pending p : batch) rows.add(p.row());
                Set<String> stored =
                        new HashSet<>(repository.saveAllIfOpen(rows).await().atMost(timeout));
                for (Pending p : batch) p.stored().complete(stored.contains(SingleSignatureRepository.key(p.row())));
                return;
            } catch (RuntimeException e) {
                // each one alone below: its own answer, or its own error
            }
        }
        for (Pending p : batch) {
            try {
                p.stored().complete(repository.saveIfOpen(p.row()).await().atMost(timeout));
            } catch (RuntimeException e) {
                p.stored().completeExceptionally(e);
            }
        }
    }
}
