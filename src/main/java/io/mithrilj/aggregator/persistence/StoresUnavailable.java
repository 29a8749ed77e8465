package io.mithrilj.aggregator.persistence;

/**
 * The stores cannot be used: the embedded PostgreSQL did not start, or the schema could not be migrated. Its
 * message names the database and the reason, and is the one line an operator sees when start-up stops.
 */
public final class StoresUnavailable extends RuntimeException {

    public StoresUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** The deepest message of a cause chain, or that exception itself when it has none. */
    public static String reason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
