package io.mithrilj.aggregator.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service run as an operator runs it: {@code bin/mithril-aggregator …}, the launcher of the jar
 * built in {@code target/quarkus-app} (with its AOT cache).
 */
final class AggregatorProcess implements AutoCloseable {

    static final Path LAUNCHER = Path.of("bin/mithril-aggregator").toAbsolutePath();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Process process;
    final Path output;

    private AggregatorProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Start the launcher with these arguments in {@code workDir}, with exactly this environment (plus PATH,
     * HOME, TMPDIR and JAVA_HOME, the JDK running the tests).
     */
    static AggregatorProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME") && !k.equals("TMPDIR"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.putAll(env);
        Path output = Files.createTempFile(workDir, "aggregator-", ".log");
        pb.redirectOutput(output.toFile());
        return new AggregatorProcess(pb.start(), output);
    }

    /** Run to completion and return {exit code, combined output}. */
    static Result run(Path workDir, Map<String, String> env, String... args) throws Exception {
        try (AggregatorProcess p = start(workDir, env, args)) {
            if (!p.process.waitFor(120, TimeUnit.SECONDS))
                throw new AssertionError("command did not finish: " + List.of(args));
            return new Result(p.process.exitValue(), p.output());
        }
    }

    record Result(int exitCode, String output) {}

    String output() throws IOException {
        return Files.readString(output);
    }

    /** Poll until {@code url} answers 200, or fail with the process output. */
    long awaitReady(String url, Duration timeout) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (!process.isAlive())
                throw new AssertionError("service exited " + process.exitValue() + ":\n" + output());
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return System.nanoTime() - start;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready after " + timeout + ":\n" + output());
    }

    /** Wait until the output shows {@code text} (e.g. a line logged in the background), or fail. */
    void awaitOutput(String text, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (System.nanoTime() > end)
                throw new AssertionError("no '" + text + "' after " + timeout + ":\n" + output());
            Thread.sleep(100);
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as systemd and Kubernetes stop it; returns the exit code. */
    int stop() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("service did not stop on SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
