package io.mithrilj.aggregator.config;

/** How an error is told in one line: in a log line, a health check's data, the console. */
public final class ErrorText {
    private ErrorText() {}

    /**
     * The message of an exception and of its causes, joined by ": " on one line (at most about 2,000 characters); a
     * cause whose text the line already carries (often with a location appended) adds nothing; an exception without
     * message is named by its type.
     */
    public static String oneLine(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 2000; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(m.length() > 60 ? m.substring(0, 60) : m) >= 0) continue;
            if (!text.isEmpty()) text.append(": ");
            text.append(m);
        }
        return text.toString().replaceAll("\\s+", " ");
    }
}
