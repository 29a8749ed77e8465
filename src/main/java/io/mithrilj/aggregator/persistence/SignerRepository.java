package io.mithrilj.aggregator.persistence;

import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tables {@code signer} (known signers, pool tickers) and {@code signer_registration} (keys and stake per epoch).
 * Each method also comes taking the {@link SqlClient} it runs on (a transaction of {@link Stores}).
 */
@ApplicationScoped
public class SignerRepository {

    /** A {@code signer} row. */
    public record StoredSigner(
            String signerId, String poolTicker, String createdAt, String updatedAt, String lastRegisteredAt) {}

    /** A {@code signer_registration} row; optional fields may be null. */
    public record StoredRegistration(
            String signerId,
            long epoch,
            String verificationKey,
            String verificationKeySignature,
            String operationalCertificate,
            Long kesPeriod,
            BigInteger stake,
            String createdAt) {

        /**
         * The signer as the protocol knows it; {@link ArithmeticException} when the stake is absent (the column is
         * nullable, as upstream's) or beyond a u64.
         */
        public SignerWithStake toSignerWithStake() {
            if (stake == null) throw new ArithmeticException("no stake recorded");
            return new SignerWithStake(
                    signerId,
                    verificationKey,
                    Optional.ofNullable(verificationKeySignature),
                    Optional.ofNullable(operationalCertificate),
                    kesPeriod == null ? OptionalLong.empty() : OptionalLong.of(kesPeriod),
                    stake.longValueExact());
        }
    }

    private final Pool pool;

    SignerRepository(Pool pool) {
        this.pool = pool;
    }

    /** Insert or update a signer; a non-null {@code lastRegisteredAt} / {@code poolTicker} overwrites the stored one. */
    public Uni<Void> saveSigner(String signerId, String poolTicker, String now, String lastRegisteredAt) {
        return saveSigner(pool, signerId, poolTicker, now, lastRegisteredAt);
    }

    public Uni<Void> saveSigner(SqlClient on, String signerId, String poolTicker, String now, String lastRegisteredAt) {
        return on.preparedQuery("""
                insert into signer (signer_id, pool_ticker, created_at, updated_at, last_registered_at)
                values ($1, $2, $3, $3, $4) on conflict (signer_id) do update
                set pool_ticker = coalesce(excluded.pool_ticker, signer.pool_ticker), updated_at = excluded.updated_at,
                    last_registered_at = coalesce(excluded.last_registered_at, signer.last_registered_at)""")
                .execute(Tuple.of(signerId, poolTicker, now, lastRegisteredAt))
                .replaceWithVoid();
    }

    /** Insert or replace a registration (a replaced one becomes the newest). */
    public Uni<Void> saveRegistration(StoredRegistration r) {
        return saveRegistration(pool, r);
    }

    public Uni<Void> saveRegistration(SqlClient on, StoredRegistration r) {
        return on.preparedQuery("""
                insert into signer_registration (signer_id, epoch_setting_id, verification_key, verification_key_signature,
                    operational_certificate, kes_period, stake, created_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (epoch_setting_id, signer_id) do update
                set verification_key = excluded.verification_key, verification_key_signature = excluded.verification_key_signature,
                    operational_certificate = excluded.operational_certificate, kes_period = excluded.kes_period,
                    stake = excluded.stake, created_at = excluded.created_at, insertion_seq = nextval('insertion_sequence')""")
                .execute(Tuple.from(new Object[] {
                    r.signerId(),
                    r.epoch(),
                    r.verificationKey(),
                    r.verificationKeySignature(),
                    r.operationalCertificate(),
                    r.kesPeriod(),
                    r.stake() == null ? null : new BigDecimal(r.stake()),
                    r.createdAt()
                }))
                .replaceWithVoid();
    }

    /** Registrations recorded for an epoch, newest first (upstream's ROWID descending). */
    public Uni<List<StoredRegistration>> registrations(long epoch) {
        return registrations(pool, epoch);
    }

    public Uni<List<StoredRegistration>> registrations(SqlClient on, long epoch) {
        return on.preparedQuery("""
                select signer_id, epoch_setting_id, verification_key, verification_key_signature, operational_certificate,
                    kes_period, stake, created_at from signer_registration where epoch_setting_id = $1 order by insertion_seq desc""").execute(Tuple.of(epoch)).map(rows -> {
            List<StoredRegistration> out = new ArrayList<>();
            for (Row row : rows) out.add(registrationOf(row));
            return out;
        });
    }

    /** Every signer, in signer id order. */
    public Uni<List<StoredSigner>> allSigners() {
        return allSigners(pool);
    }

    public Uni<List<StoredSigner>> allSigners(SqlClient on) {
        return on.query(
                        "select signer_id, pool_ticker, created_at, updated_at, last_registered_at from signer order by signer_id")
                .execute()
                .map(rows -> {
                    List<StoredSigner> out = new ArrayList<>();
                    for (Row row : rows) {
                        out.add(new StoredSigner(
                                row.getString(0),
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getString(4)));
                    }
                    return out;
                });
    }

    /** The registration of a signer recorded for an epoch, if any. */
    public Uni<Optional<StoredRegistration>> registration(long epoch, String signerId) {
        return registration(pool, epoch, signerId);
    }

    public Uni<Optional<StoredRegistration>> registration(SqlClient on, long epoch, String signerId) {
        return on.preparedQuery("""
                select signer_id, epoch_setting_id, verification_key, verification_key_signature, operational_certificate,
                    kes_period, stake, created_at from signer_registration where epoch_setting_id = $1 and signer_id = $2""")
                .execute(Tuple.of(epoch, signerId))
                .map(rows -> rows.size() == 0
                        ? Optional.<StoredRegistration>empty()
                        : Optional.of(registrationOf(rows.iterator().next())));
    }

    /** A row of the registration queries (columns in their order). */
    private static StoredRegistration registrationOf(Row row) {
        BigDecimal stake = row.getBigDecimal(6);
        return new StoredRegistration(
                row.getString(0),
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getLong(5),
                stake == null ? null : stake.toBigIntegerExact(),
                row.getString(7));
    }

    /** Upkeep: the registrations recorded for epochs before {@code epoch}. */
    public Uni<Integer> deleteRegistrationsBefore(long epoch) {
        return pool.preparedQuery("delete from signer_registration where epoch_setting_id < $1")
                .execute(Tuple.of(epoch))
                .map(rows -> rows.rowCount());
    }
}
