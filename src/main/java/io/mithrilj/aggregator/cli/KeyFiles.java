package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Key pair files as upstream writes them: {@code <name>.sk} and {@code <name>.vk}, json-hex, no newline. */
final class KeyFiles {

    private KeyFiles() {}

    /** Writes the pair into {@code directory}; the secret key file is readable by its owner only. */
    static Path[] writeKeyPair(Path directory, String name, Ed25519SigningKey key) throws IOException {
        Files.createDirectories(directory);
        Path sk = directory.resolve(name + ".sk");
        Path vk = directory.resolve(name + ".vk");
        Files.deleteIfExists(sk);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(sk, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(sk, key.toJsonHex(), StandardCharsets.US_ASCII);
        Files.writeString(vk, key.verificationKey().toJsonHex(), StandardCharsets.US_ASCII);
        return new Path[] {sk, vk};
    }
}
