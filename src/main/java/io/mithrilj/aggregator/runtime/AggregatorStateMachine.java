package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.certifier.OpenMessage;
import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.config.ErrorText;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Upstream {@code AggregatorRuntime} ({@code runtime/state_machine.rs}): one {@link #cycle()} moves the state at most
 * one step, as spec aggregator-runtime.md §2 describes. Not thread-safe: one cycle at a time (the scheduled job never
 * overlaps); {@link #state()} may be read from any thread.
 */
public final class AggregatorStateMachine {
    private static final Logger LOG = Logger.getLogger(AggregatorStateMachine.class);

    /** Upstream's text when the chain check of the IDLE → READY transition failed. */
    public static final String CHAIN_INVALID = "certificate chain is invalid";

    /** Upstream's text while an open message waits for its quorum. */
    public static final String NOT_ENOUGH_SIGNATURES = "not enough signature yet to create a certificate, waiting…";

    private final AggregatorRunner runner;
    private final Consumer<Certificate> certificateProduced;
    private volatile AggregatorState state = new AggregatorState.Idle(Optional.empty());

    /**
     * @param certificateProduced told of every certificate the runtime creates (the produced-certificates metric)
     */
    public AggregatorStateMachine(AggregatorRunner runner, Consumer<Certificate> certificateProduced) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.certificateProduced = Objects.requireNonNull(certificateProduced, "certificateProduced");
    }

    public AggregatorState state() {
        return state;
    }

    /**
     * One cycle. Returns normally when it succeeded; throws the {@link RuntimeError} that ended it otherwise (the
     * state is then unchanged). Any other exception of a step is wrapped in {@link RuntimeError.KeepState}.
     */
    public void cycle() {
        try {
            state = switch (state) {
                case AggregatorState.Idle idle -> fromIdle(idle);
                case AggregatorState.Ready ready -> fromReady(ready);
                case AggregatorState.Signing signing -> fromSigning(signing);
            };
        } catch (RuntimeError e) {
            throw e;
        } catch (RuntimeException e) {
            // upstream's "Error caught, state preserved, will retry to cycle": said by the cycle's log line
            throw new RuntimeError.KeepState(describe(e), e);
        }
    }

    private AggregatorState fromIdle(AggregatorState.Idle idle) {
        TimePoint now = runner.timePoint();
        if (!runner.isFollowerAtSameEpochAsLeader(now)) {
            LOG.debugf("IDLE: the leader is not at epoch %s yet, staying idle", now.epoch());
            return idle;
        }
        Epoch epoch = now.epoch();
        boolean newEpoch = idle.previous()
                .map(previous -> previous.epoch().compareTo(epoch) < 0)
                .orElse(true);
        if (newEpoch) {
            LOG.infof("IDLE: new epoch %s, starting the epoch transition", epoch);
            runner.closeSignerRegistrationRound(now);
            runner.updateEraChecker(epoch);
            runner.updateStakeDistribution(now);
            runner.informNewEpoch(epoch);
            runner.upkeep(epoch);
            runner.openSignerRegistrationRound(now);
            runner.synchronizeFollowerSigners();
            runner.precomputeEpochData();
        }
        Optional<RuntimeException> chainFailure = runner.checkCertificateChain(epoch);
        runner.synchronizeCertificateChain(chainFailure.isPresent(), epoch);
        if (chainFailure.isPresent()) {
            throw new RuntimeError.KeepState(CHAIN_INVALID + ": " + describe(chainFailure.get()), chainFailure.get());
        }
        LOG.infof("IDLE → READY at %s", now);
        return new AggregatorState.Ready(now);
    }

    private AggregatorState fromReady(AggregatorState.Ready ready) {
        TimePoint now = runner.timePoint();
        if (ready.timePoint().epoch().compareTo(now.epoch()) < 0) {
            LOG.infof("READY → IDLE: epoch %s began", now.epoch());
            return new AggregatorState.Idle(Optional.of(ready.timePoint()));
        }
        Optional<OpenMessage> open = runner.currentNonCertifiedOpenMessage(now);
        if (open.isPresent()) {
            LOG.infof(
                    "READY → SIGNING %s (open message %s)",
                    open.get().signedEntityType(), open.get().id());
            return new AggregatorState.Signing(now, open.get());
        }
        return new AggregatorState.Ready(now);
    }

    private AggregatorState fromSigning(AggregatorState.Signing signing) {
        TimePoint now = runner.timePoint();
        OpenMessage message = signing.openMessage();
        boolean outdated = runner.isOpenMessageOutdated(message.signedEntityType(), now);
        if (signing.timePoint().epoch().compareTo(now.epoch()) < 0) {
            LOG.infof(
                    "SIGNING → IDLE: epoch %s began before %s was certified", now.epoch(), message.signedEntityType());
            return new AggregatorState.Idle(Optional.of(signing.timePoint()));
        }
        if (outdated) {
            LOG.infof("SIGNING → READY: the open message of %s is outdated", message.signedEntityType());
            return new AggregatorState.Ready(signing.timePoint());
        }
        Optional<Certificate> certificate = runner.createCertificate(message.signedEntityType());
        if (certificate.isEmpty()) {
            throw new RuntimeError.KeepState(NOT_ENOUGH_SIGNATURES);
        }
        certificateProduced.accept(certificate.get());
        LOG.infof(
                "SIGNING → READY: certificate %s of %s created",
                certificate.get().hash(), message.signedEntityType());
        return new AggregatorState.Ready(signing.timePoint());
    }

    /** The message of an exception and of its causes, on one line ({@link ErrorText#oneLine}). */
    static String describe(Throwable e) {
        return ErrorText.oneLine(e);
    }
}
