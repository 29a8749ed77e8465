package io.mithrilj.aggregator.follower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The leader one certificate ahead, on upstream's fixture chain: same answers, same errors, parents fetched early. */
class PrefetchingCertificateRetrieverTest {

    private static final Duration T = Duration.ofSeconds(10);

    /** The fixture chain as the leader serves it, recording each request; a hash may be made to fail or to wait. */
    private static final class RecordingSource implements PrefetchingCertificateRetriever.Source {
        final Map<String, Certificate> byHash = new HashMap<>();
        final List<String> requested = new CopyOnWriteArrayList<>();
        final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        final Map<String, LeaderAggregatorException> failing = new HashMap<>();
        final Map<String, CountDownLatch> waiting = new HashMap<>();
        final BlockingQueue<String> interrupted = new LinkedBlockingQueue<>();

        RecordingSource() {
            Fixtures.certificates().forEach((hash, json) -> byHash.put(hash, CertificateJson.readCertificate(json)));
        }

        @Override
        public Certificate certificate(String hash) throws LeaderAggregatorException {
            requested.add(hash);
            requests.add(hash);
            CountDownLatch latch = waiting.get(hash);
            if (latch != null) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    interrupted.add(hash);
                    throw new LeaderAggregatorException("GET /certificate/" + hash + " interrupted", e);
                }
            }
            LeaderAggregatorException failure = failing.get(hash);
            if (failure != null) throw failure;
            Certificate c = byHash.get(hash);
            if (c == null) throw new LeaderAggregatorException("Certificate does not exist: '" + hash + "'");
            return c;
        }

        String nextRequest() throws InterruptedException {
            String hash = requests.poll(T.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(hash).as("a request to the leader").isNotNull();
            return hash;
        }
    }

    @Test
    void walksTheWholeChainWithOneRequestPerCertificateEachParentRequestedBeforeItIsAskedFor() throws Exception {
        RecordingSource source = new RecordingSource();
        List<String> walk = new ArrayList<>();
        try (var retriever = new PrefetchingCertificateRetriever(source)) {
            Certificate c = retriever.getCertificateDetails(Fixtures.LATEST);
            walk.add(c.hash());
            assertThat(source.nextRequest()).isEqualTo(Fixtures.LATEST);
            while (!c.isGenesis()) {
                // the parent is on its way before the walk asks for it
                assertThat(source.nextRequest()).isEqualTo(c.previousHash());
                assertThat(retriever.aheadHash()).isEqualTo(c.previousHash());
                Certificate parent = retriever.getCertificateDetails(c.previousHash());
                assertThat(parent).isEqualTo(source.byHash.get(c.previousHash()));
                c = parent;
                walk.add(c.hash());
            }
            assertThat(c.hash()).isEqualTo(Fixtures.GENESIS);
            assertThat(retriever.aheadHash())
                    .as("nothing fetched beyond the genesis")
                    .isNull();
        }
        assertThat(source.requested).containsExactlyElementsOf(walk);
        assertThat(walk).hasSizeGreaterThan(2);
    }

    @Test
    void anotherHashThanTheOneFetchedAheadIsFetchedDirectlyAndTheFetchAheadDropped() throws Exception {
        RecordingSource source = new RecordingSource();
        Certificate latest = source.byHash.get(Fixtures.LATEST);
        source.waiting.put(latest.previousHash(), new CountDownLatch(1)); // the fetch ahead hangs
        try (var retriever = new PrefetchingCertificateRetriever(source)) {
            retriever.getCertificateDetails(Fixtures.LATEST);
            assertThat(source.nextRequest()).isEqualTo(Fixtures.LATEST);
            assertThat(source.nextRequest()).isEqualTo(latest.previousHash());

            Certificate genesis = retriever.getCertificateDetails(Fixtures.GENESIS);

            assertThat(genesis).isEqualTo(source.byHash.get(Fixtures.GENESIS));
            assertThat(source.interrupted.poll(T.toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo(latest.previousHash());
            assertThat(retriever.aheadHash()).isNull();
        }
    }

    @Test
    void aFailedFetchAheadFailsTheRequestForItWithTheLeadersOwnError() throws Exception {
        RecordingSource source = new RecordingSource();
        Certificate latest = source.byHash.get(Fixtures.LATEST);
        LeaderAggregatorException leaderError =
                new LeaderAggregatorException("GET http://leader/aggregator/certificate/x returned HTTP 500: boom");
        source.failing.put(latest.previousHash(), leaderError);
        try (var retriever = new PrefetchingCertificateRetriever(source)) {
            retriever.getCertificateDetails(Fixtures.LATEST);

            assertThatThrownBy(() -> retriever.getCertificateDetails(latest.previousHash()))
                    .isSameAs(leaderError);
        }
        assertThat(source.requested).containsExactly(Fixtures.LATEST, latest.previousHash());
    }

    @Test
    void aMissingCertificateAskedDirectlyIsTheLeadersError() {
        RecordingSource source = new RecordingSource();
        try (var retriever = new PrefetchingCertificateRetriever(source)) {
            assertThatThrownBy(() -> retriever.getCertificateDetails("00ff"))
                    .isInstanceOf(LeaderAggregatorException.class)
                    .hasMessage("Certificate does not exist: '00ff'");
            assertThat(retriever.aheadHash()).isNull();
        }
    }

    @Test
    void closingDropsAFetchStillInFlight() throws Exception {
        RecordingSource source = new RecordingSource();
        Certificate latest = source.byHash.get(Fixtures.LATEST);
        source.waiting.put(latest.previousHash(), new CountDownLatch(1));
        var retriever = new PrefetchingCertificateRetriever(source);
        retriever.getCertificateDetails(Fixtures.LATEST);
        assertThat(source.nextRequest()).isEqualTo(Fixtures.LATEST);
        assertThat(source.nextRequest()).isEqualTo(latest.previousHash());

        retriever.close();

        assertThat(source.interrupted.poll(T.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(latest.previousHash());
        assertThat(retriever.aheadHash()).isNull();
    }

    @Test
    void anInterruptedWaitIsAnErrorNamingTheCertificateAndKeepsTheInterrupt() throws Exception {
        RecordingSource source = new RecordingSource();
        Certificate latest = source.byHash.get(Fixtures.LATEST);
        source.waiting.put(latest.previousHash(), new CountDownLatch(1));
        try (var retriever = new PrefetchingCertificateRetriever(source)) {
            retriever.getCertificateDetails(Fixtures.LATEST);
            // the fetch ahead is under way (a cancel before it starts would never reach the leader's request)
            assertThat(source.nextRequest()).isEqualTo(Fixtures.LATEST);
            assertThat(source.nextRequest()).isEqualTo(latest.previousHash());
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> retriever.getCertificateDetails(latest.previousHash()))
                        .isInstanceOf(LeaderAggregatorException.class)
                        .hasMessage("interrupted while waiting for certificate '" + latest.previousHash()
                                + "' from the leader");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(source.interrupted.poll(T.toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo(latest.previousHash());
        }
    }
}
