package io.mithrilj.aggregator.certifier;

import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The genesis keys of this aggregator: GENESIS_VERIFICATION_KEY / GENESIS_SECRET_KEY when set; on the devnet (no key
 * configured), a key pair generated once and kept under DATA_STORES_DIRECTORY ({@code genesis.sk}, owner-only, and
 * {@code genesis.vk}, json-hex as {@code genesis generate-keypair} writes them), so that a restart keeps its chain.
 */
@ApplicationScoped
public class GenesisKeys {

    private final AggregatorConfig config;
    private volatile Ed25519SigningKey devnetKey;

    GenesisKeys(AggregatorConfig config) {
        this.config = config;
    }

    /** The key certificates are verified with, if known. */
    public Optional<Ed25519VerificationKey> verificationKey() {
        Optional<Ed25519VerificationKey> configured =
                config.genesisVerificationKey().filter(s -> !s.isBlank()).map(Ed25519VerificationKey::decode);
        if (configured.isPresent()) return configured;
        return secretKey().map(Ed25519SigningKey::verificationKey);
    }

    /** The secret key a test network's genesis is signed with, if this aggregator has one. */
    public Optional<Ed25519SigningKey> secretKey() {
        Optional<Ed25519SigningKey> configured =
                config.genesisSecretKey().filter(s -> !s.isBlank()).map(Ed25519SigningKey::decode);
        return configured.isPresent() ? configured : Optional.ofNullable(devnetKey);
    }

    /**
     * The devnet's key pair: the configured secret key, else the one kept under the stores directory, else a new one
     * written there first. Returns the verification key's json-hex.
     */
    public synchronized Ed25519SigningKey devnetKeyPair() {
        Optional<Ed25519SigningKey> configured =
                config.genesisSecretKey().filter(s -> !s.isBlank()).map(Ed25519SigningKey::decode);
        if (configured.isPresent()) return configured.get();
        if (devnetKey != null) return devnetKey;
        Path directory = Path.of(config.dataStoresDirectory());
        Path sk = directory.resolve("genesis.sk");
        Path vk = directory.resolve("genesis.vk");
        try {
            if (Files.exists(sk)) {
                devnetKey = Ed25519SigningKey.decode(
                        Files.readString(sk, StandardCharsets.US_ASCII).trim());
                return devnetKey;
            }
            Ed25519SigningKey key = Ed25519SigningKey.generate();
            Files.createDirectories(directory);
            Path tmp = directory.resolve("genesis.sk.tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, key.toJsonHex(), StandardCharsets.US_ASCII);
            Files.writeString(vk, key.verificationKey().toJsonHex(), StandardCharsets.US_ASCII);
            Files.move(tmp, sk, StandardCopyOption.ATOMIC_MOVE);
            devnetKey = key;
            return key;
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(
                    "cannot read or create the devnet genesis key pair in " + directory + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
