package io.mithrilj.aggregator.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The passwords of the embedded PostgreSQL of a stores directory: the service role's and the superuser's,
 * each generated (256 random bits, hexadecimal) the first time they are needed and kept in a file of the
 * stores directory readable by its owner only. Every process on the same stores reads the same files. The
 * values never appear in {@link #toString()} or in any message.
 */
public final class DatabasePasswords {

    static final String SERVICE_FILE = "postgres.password";
    static final String SUPERUSER_FILE = "postgres.superuser-password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path superuserFile;
    private final String service;
    private final String superuser;
    private final boolean generated;

    private DatabasePasswords(Path superuserFile, String service, String superuser, boolean generated) {
        this.superuserFile = superuserFile;
        this.service = service;
        this.superuser = superuser;
        this.generated = generated;
    }

    /** The passwords of a stores directory, generated now if missing. */
    public static DatabasePasswords in(Path storesDirectory) {
        Path stores = storesDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(stores);
            Path superuserFile = stores.resolve(SUPERUSER_FILE);
            Path serviceFile = stores.resolve(SERVICE_FILE);
            boolean generated = !Files.exists(serviceFile) || !Files.exists(superuserFile);
            return new DatabasePasswords(
                    superuserFile, readOrCreate(serviceFile), readOrCreate(superuserFile), generated);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read or create the database password files in " + stores + ": " + e.getMessage(), e);
        }
    }

    private static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            String generated = HexFormat.of().formatHex(bytes());
            // written whole to a private temporary file, then linked into place: another process on the same
            // stores sees no file or the complete one, and a link never replaces a file created meanwhile
            Path temporary = Files.createTempFile(
                    file.getParent(),
                    file.getFileName() + ".",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(temporary, generated + "\n", StandardCharsets.UTF_8);
                Files.createLink(file, temporary);
                return generated;
            } catch (FileAlreadyExistsException raced) {
                // another process on the same stores created it first: use theirs
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!text.matches("[0-9a-f]{64}")) {
            throw new IOException(file + " does not hold a generated password (64 hexadecimal digits)");
        }
        return text;
    }

    private static byte[] bytes() {
        byte[] b = new byte[32];
        // created only when a password is generated: not on the start-up path of every later start
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** Whether a password was generated now (the database must be told). */
    boolean generated() {
        return generated;
    }

    /** The service role's password. */
    public String service() {
        return service;
    }

    String superuser() {
        return superuser;
    }

    /** The superuser's password file (initdb's {@code --pwfile}). */
    Path superuserFile() {
        return superuserFile;
    }

    @Override
    public String toString() {
        return "database passwords (hidden)";
    }
}
