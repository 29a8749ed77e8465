package io.mithrilj.aggregator.artifact.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Archivers whose archive files fail as a full disk or come out corrupt: for the tests of the archiver's users. */
public final class FaultyArchivers {
    private FaultyArchivers() {}

    /**
     * An archiver on which the archives opened after the first {@code healthyArchives} fail with "No space left on
     * device" once {@code bytes} bytes have been written to them.
     */
    public static FileArchiver fullDisk(ArchiveSettings settings, Path verification, int healthyArchives, long bytes) {
        AtomicInteger opened = new AtomicInteger();
        return new FileArchiver(settings, verification, file -> {
            if (opened.getAndIncrement() < healthyArchives) return file;
            return new FilterOutputStream(file) {
                long written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (written + len > bytes) throw new IOException("No space left on device");
                    out.write(b, off, len);
                    written += len;
                }
            };
        });
    }

    /** An archiver whose archives get the byte at {@code position} flipped on its way to the disk. */
    public static FileArchiver corrupting(ArchiveSettings settings, Path verification, long position) {
        return new FileArchiver(settings, verification, file -> corrupt(file, position));
    }

    private static OutputStream corrupt(OutputStream file, long at) {
        return new FilterOutputStream(file) {
            long position;

            @Override
            public void write(int b) throws IOException {
                out.write(position++ == at ? b ^ 0x5a : b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) write(b[off + i]);
            }
        };
    }
}
