package io.mithrilj.aggregator.artifact.upload;

import java.nio.file.Path;

/**
 * A file could not be published. The message is one line naming the file, the target and the cause; it never
 * carries a credential.
 */
public final class UploadException extends Exception {

    public UploadException(String message) {
        super(message);
    }

    public UploadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "{@code <what> <file> (<target>): <cause>}" on one line. */
    static UploadException of(String what, Path file, UploadTarget target, String cause) {
        return new UploadException((what + " " + file + " (" + target + "): " + cause).replaceAll("\\s+", " "));
    }

    static UploadException of(String what, Path file, UploadTarget target, Throwable cause) {
        return new UploadException(
                (what + " " + file + " (" + target + "): " + describe(cause)).replaceAll("\\s+", " "), cause);
    }

    /** The type and message of an exception and its causes, on one line. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause()) {
            String m = t.getMessage() == null || t.getMessage().isBlank()
                    ? t.getClass().getSimpleName()
                    : t.getMessage();
            if (text.indexOf(m) >= 0) continue;
            if (!text.isEmpty()) text.append(": ");
            text.append(m);
        }
        String line = text.toString().replaceAll("\\s+", " ");
        return line.length() > 1000 ? line.substring(0, 997) + "..." : line;
    }
}
