package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.protocol.Epoch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A node-backed chain observer whose every call tells {@link CardanoNodeReadiness} whether the node answered; the
 * answers and the exceptions pass through unchanged.
 */
final class ReportingChainObserver implements ChainObserver {

    private final ChainObserver node;
    private final CardanoNodeReadiness readiness;

    ReportingChainObserver(ChainObserver node, CardanoNodeReadiness readiness) {
        this.node = node;
        this.readiness = readiness;
    }

    @Override
    public Optional<String> currentEra() {
        return reported(node::currentEra);
    }

    @Override
    public Optional<Epoch> currentEpoch() {
        return reported(node::currentEpoch);
    }

    @Override
    public Optional<ChainPoint> currentChainPoint() {
        return reported(node::currentChainPoint);
    }

    @Override
    public Map<String, Long> currentStakeDistribution() {
        return reported(node::currentStakeDistribution);
    }

    @Override
    public Optional<Long> currentKesPeriod() {
        return reported(node::currentKesPeriod);
    }

    @Override
    public List<String> currentDatums(String address) {
        return reported(() -> node.currentDatums(address));
    }

    private <T> T reported(Supplier<T> call) {
        long ticket = readiness.callStarted();
        try {
            T answer = call.get();
            readiness.answered(ticket);
            return answer;
        } catch (RuntimeException e) {
            readiness.failed(ticket, e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        }
    }
}
