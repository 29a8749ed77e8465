package io.mithrilj.aggregator.epoch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.config.BuildInfo;
import io.mithrilj.aggregator.persistence.EpochSettingRepository;
import io.mithrilj.aggregator.persistence.EpochSettingRepository.StoredEpochSetting;
import io.mithrilj.aggregator.persistence.SignerRepository;
import io.mithrilj.aggregator.persistence.SignerRepository.StoredRegistration;
import io.mithrilj.aggregator.persistence.StakePoolRepository;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Epoch-dependent messages: {@code /status}, {@code /epoch-settings}, {@code /protocol-configuration},
 * {@code /signers/registered}, {@code /signers/tickers}. Read like upstream's epoch service: for epoch N,
 * current signers = registrations recorded at N−1, next = at N; current parameters = settings of N−1,
 * next = N, registration = N+1 (a missing row falls back to the configured value, as a leader does).
 */
@ApplicationScoped
public class EpochQueries {

    private final EpochSource epochSource;
    private final EpochSettingRepository epochSettings;
    private final SignerRepository signers;
    private final StakePoolRepository stakePools;
    private final ApiSettings settings;

    EpochQueries(
            EpochSource epochSource,
            EpochSettingRepository epochSettings,
            SignerRepository signers,
            StakePoolRepository stakePools,
            ApiSettings settings) {
        this.epochSource = epochSource;
        this.epochSettings = epochSettings;
        this.signers = signers;
        this.stakePools = stakePools;
        this.settings = settings;
    }

    /** The current epoch, or {@link EpochNotReadyException} with upstream's text. */
    public Uni<EpochSource.EpochState> currentEpoch() {
        return epochSource
                .current()
                .map(s -> s.orElseThrow(() -> new EpochNotReadyException(EpochSource.NOT_INITIALIZED)));
    }

    /**
     * The current epoch, which must have a previous one (the current signers are those of N−1), or
     * {@link EpochNotReadyException} with upstream's text.
     */
    private Uni<EpochSource.EpochState> currentEpochAfterZero() {
        return currentEpoch().invoke(state -> {
            if (state.epoch() == 0)
                throw new EpochNotReadyException("EpochService could not compute signer retrieval epoch from epoch: 0");
        });
    }

    /** {@code AggregatorStatusMessage}. */
    public Uni<String> status() {
        return currentEpochAfterZero().chain(state -> {
            long n = state.epoch();
            return Uni.combine()
                    .all()
                    .unis(
                            parameters(n - 1),
                            parameters(n),
                            signers.registrations(n - 1),
                            signers.registrations(n),
                            stakePools.totals(n - 1))
                    .asTuple()
                    .map(t -> {
                        ObjectNode m = MessageJson.MAPPER.createObjectNode();
                        m.put("epoch", n);
                        m.put("cardano_era", state.cardanoEra());
                        m.put("cardano_network", settings.network());
                        m.put("mithril_era", state.mithrilEra());
                        m.put("cardano_node_version", settings.cardanoNodeVersion());
                        m.put("aggregator_node_version", BuildInfo.version());
                        m.set("protocol", t.getItem1());
                        m.set("next_protocol", t.getItem2());
                        m.put("total_signers", t.getItem3().size());
                        m.put("total_next_signers", t.getItem4().size());
                        m.put("total_stakes_signers", totalStake(t.getItem3()));
                        m.put("total_next_stakes_signers", totalStake(t.getItem4()));
                        m.put(
                                "total_cardano_spo",
                                t.getItem5()
                                        .map(StakePoolRepository.Totals::pools)
                                        .orElse(0L));
                        m.put(
                                "total_cardano_stake",
                                t.getItem5()
                                        .map(StakePoolRepository.Totals::stake)
                                        .orElse(BigInteger.ZERO));
                        return MessageJson.write(m);
                    });
        });
    }

    /** {@code EpochSettingsMessage}. */
    public Uni<String> epochSettings() {
        return currentEpochAfterZero().chain(state -> {
            long n = state.epoch();
            return Uni.combine()
                    .all()
                    .unis(
                            parameters(n + 1),
                            signers.registrations(n - 1),
                            signers.registrations(n),
                            epochSettings.find(n - 1))
                    .asTuple()
                    .map(t -> {
                        ObjectNode m = MessageJson.MAPPER.createObjectNode();
                        m.put("epoch", n);
                        m.set("signer_registration_protocol", t.getItem1());
                        m.set("current_signers", signerParts(t.getItem2()));
                        m.set("next_signers", signerParts(t.getItem3()));
                        if (settings.cardanoTransactionsAllowed()) {
                            String config = t.getItem4()
                                    .map(StoredEpochSetting::cardanoTransactionsSigningConfig)
                                    .orElse(settings.configuredSigningConfigJson());
                            if (config != null) m.set("cardano_transactions_signing_config", MessageJson.parse(config));
                        }
                        return MessageJson.write(m);
                    });
        });
    }

    /** {@code ProtocolConfigurationMessage} of a stored epoch setting. */
    public Uni<Optional<String>> protocolConfiguration(long epoch) {
        return epochSettings
                .find(epoch)
                .map(found -> found.map(setting -> {
                    ObjectNode m = MessageJson.MAPPER.createObjectNode();
                    m.set("protocol_parameters", MessageJson.parse(setting.protocolParameters()));
                    if (settings.cardanoTransactionsAllowed() && setting.cardanoTransactionsSigningConfig() != null) {
                        m.set(
                                "cardano_transactions_signing_config",
                                MessageJson.parse(setting.cardanoTransactionsSigningConfig()));
                    }
                    m.set("available_signed_entity_types", allowedTypes());
                    return MessageJson.write(m);
                }));
    }

    /**
     * When this aggregator began {@code epoch}: its runtime's transition into an epoch records the stakes of the next
     * one (once, so a restart keeps the first time); empty when they are not (or no longer) recorded.
     */
    public Uni<Optional<String>> epochBeganAt(long epoch) {
        return stakePools.recordedAt(epoch + 1);
    }

    /** {@code SignerRegistrationsMessage} for signers registered at {@code epoch} (recorded under epoch + 1). */
    public Uni<Optional<String>> registeredSigners(long epoch) {
        return signers.registrations(epoch + 1).map(list -> {
            if (list.isEmpty()) return Optional.empty();
            ObjectNode m = MessageJson.MAPPER.createObjectNode();
            m.put("registered_at", epoch);
            m.put("signing_at", epoch + 2);
            ArrayNode registrations = m.putArray("registrations");
            for (StoredRegistration r : list) {
                registrations
                        .addObject()
                        .put("party_id", r.signerId())
                        .put("stake", r.stake() == null ? BigInteger.ZERO : r.stake());
            }
            return Optional.of(MessageJson.write(m));
        });
    }

    /** {@code SignersTickersMessage}: every known signer. */
    public Uni<String> signersTickers() {
        return signers.allSigners().map(list -> {
            ObjectNode m = MessageJson.MAPPER.createObjectNode();
            m.put("network", settings.network());
            ArrayNode items = m.putArray("signers");
            for (SignerRepository.StoredSigner s : list) {
                ObjectNode item = items.addObject().put("party_id", s.signerId());
                if (s.poolTicker() != null) item.put("pool_ticker", s.poolTicker());
                item.put("has_registered", s.lastRegisteredAt() != null);
            }
            return MessageJson.write(m);
        });
    }

    /** Allowed signed entity types as upstream's sorted set. */
    public ArrayNode allowedTypes() {
        ArrayNode types = MessageJson.MAPPER.createArrayNode();
        for (SignedEntityKind k : settings.allowedKinds()) types.add(k.discriminant());
        return types;
    }

    private Uni<JsonNode> parameters(long epoch) {
        return epochSettings
                .find(epoch)
                .map(found -> MessageJson.parse(found.map(StoredEpochSetting::protocolParameters)
                        .orElseGet(settings::configuredProtocolParametersJson)));
    }

    private static BigInteger totalStake(List<StoredRegistration> registrations) {
        BigInteger total = BigInteger.ZERO;
        for (StoredRegistration r : registrations) if (r.stake() != null) total = total.add(r.stake());
        return total;
    }

    private static ArrayNode signerParts(List<StoredRegistration> registrations) {
        ArrayNode parts = MessageJson.MAPPER.createArrayNode();
        for (StoredRegistration r : registrations) {
            ObjectNode p = parts.addObject();
            p.put("party_id", r.signerId());
            p.put("verification_key", r.verificationKey());
            if (r.verificationKeySignature() != null) p.put("verification_key_signature", r.verificationKeySignature());
            if (r.operationalCertificate() != null) p.put("operational_certificate", r.operationalCertificate());
            if (r.kesPeriod() != null) p.put("kes_period", r.kesPeriod());
        }
        return parts;
    }
}
