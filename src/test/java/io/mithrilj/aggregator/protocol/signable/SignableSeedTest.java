package io.mithrilj.aggregator.protocol.signable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.json.MithrilStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.StakeDistributionJson;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The next AVK is built as upstream's signer builder builds it: each stored signer is registered again,
 * its KES signature checked at the {@code kes_period} it declared.
 */
class SignableSeedTest {

    private static final List<SignerWithStake> MSD12 = StakeDistributionJson.readMithril(
                    StakeDistributionFixtures.details("mithril-stake-distributions.json")
                            .get("05c9dcf87bf1e10486ee46c3fa51535bc195ec2d03ecf0fd625372082c2d020d"))
            .signers();

    private static final String MSD12_AVK = SignableSeed.aggregateVerificationKey(MSD12);

    private static SignerWithStake withKesPeriod(SignerWithStake s, OptionalLong kes) {
        return new SignerWithStake(
                s.partyId(),
                s.verificationKey(),
                s.verificationKeySignature(),
                s.operationalCertificate(),
                kes,
                s.stake());
    }

    @Test
    void theAvkDoesNotDependOnTheSignersOrderNorOnADeclaredKesPeriodWithinTheSkew() {
        assertThat(SignableSeed.aggregateVerificationKey(MSD12.reversed())).isEqualTo(MSD12_AVK);
        List<SignerWithStake> skewed = List.of(withKesPeriod(MSD12.get(0), OptionalLong.of(1)), MSD12.get(1));
        assertThat(SignableSeed.aggregateVerificationKey(skewed)).isEqualTo(MSD12_AVK);
    }

    @Test
    void aSignerWhoseSignatureDoesNotVerifyAtItsDeclaredKesPeriodIsNamed() {
        SignerWithStake second = MSD12.get(1);
        List<SignerWithStake> signers = List.of(MSD12.get(0), withKesPeriod(second, OptionalLong.of(5)));
        assertThatThrownBy(() -> SignableSeed.aggregateVerificationKey(signers))
                .isInstanceOfSatisfying(
                        SignableException.class,
                        e -> assertThat(e.detail())
                                .hasValue("KES signature verification error: KesEvolutions=5, StartKesPeriod=0"))
                .hasMessage("Registration failed for signer: '" + second.partyId() + "'");
    }

    @Test
    void opcertKesSignatureAndKesPeriodAreMandatory() {
        SignerWithStake s = MSD12.get(0);
        SignerWithStake noOpcert = new SignerWithStake(
                s.partyId(),
                s.verificationKey(),
                s.verificationKeySignature(),
                Optional.empty(),
                s.kesEvolutions(),
                s.stake());
        SignerWithStake noSignature = new SignerWithStake(
                s.partyId(),
                s.verificationKey(),
                Optional.empty(),
                s.operationalCertificate(),
                s.kesEvolutions(),
                s.stake());
        assertDetail(noOpcert, "missing operational certificate");
        assertDetail(noSignature, "missing KES signature");
        assertDetail(withKesPeriod(s, OptionalLong.empty()), "missing KES period");
    }

    @Test
    void aSignerListedUnderAnotherPartyIdIsRefused() {
        SignerWithStake s = MSD12.get(0);
        SignerWithStake renamed = new SignerWithStake(
                "pool1other",
                s.verificationKey(),
                s.verificationKeySignature(),
                s.operationalCertificate(),
                s.kesEvolutions(),
                s.stake());
        assertDetail(renamed, "party id does not exist in the stake distribution");
    }

    @Test
    void theSameKeyTwiceIsRefusedNamingTheSecond() {
        SignerWithStake first = MSD12.get(0);
        assertThatThrownBy(() -> SignableSeed.aggregateVerificationKey(List.of(first, MSD12.get(1), first)))
                .isInstanceOf(SignableException.class)
                .hasMessage("Registration failed for signer: '" + first.partyId() + "'");
    }

    private static void assertDetail(SignerWithStake signer, String detail) {
        assertThatThrownBy(() -> SignableSeed.aggregateVerificationKey(List.of(signer, MSD12.get(1))))
                .isInstanceOfSatisfying(
                        SignableException.class, e -> assertThat(e.detail()).hasValue(detail))
                .hasMessage("Registration failed for signer: '" + signer.partyId() + "'");
    }

    @Test
    void seedOfAnEpochFromTheMsdOfThatEpoch() {
        MithrilStakeDistributionMessage msd =
                StakeDistributionJson.readMithril(StakeDistributionFixtures.details("mithril-stake-distributions.json")
                        .get("05c9dcf87bf1e10486ee46c3fa51535bc195ec2d03ecf0fd625372082c2d020d"));
        SignableSeed seed = SignableSeed.of(msd.epoch(), msd.signers(), msd.protocolParameters());
        assertThat(seed.nextAggregateVerificationKey()).isEqualTo(MSD12_AVK);
        assertThat(seed.currentEpoch()).isEqualTo(msd.epoch());
    }
}
