package io.mithrilj.aggregator.follower;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into one array that never grows beyond a bound: it asks the HTTP client for one chunk at
 * a time and, as soon as a chunk would cross the bound, cancels the exchange (the connection is dropped) and either
 * fails with {@link TooLarge} or, for an error body read for its excerpt only, completes with the prefix it has.
 * A declared {@code Content-Length} above the bound fails before any byte is read.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<BoundedBodySubscriber.Body> {

    /** The bytes received, {@code array[0..length)} (no final copy of a body that may be tens of megabytes). */
    record Body(byte[] array, int length) {
        String text() {
            return new String(array, 0, length, StandardCharsets.UTF_8);
        }
    }

    /** The body is larger than the bound: nothing beyond the bound was kept. */
    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit, String detail) {
            super("response body larger than the limit of " + bytes(limit) + detail);
            this.limit = limit;
        }
    }

    private static final int FIRST_CAPACITY = 64 * 1024;

    private final int limit;
    private final boolean truncate;
    private final OptionalLong declaredLength;
    private final CompletableFuture<Body> body = new CompletableFuture<>();

    // Flow guarantees serial signals with happens-before between them: no locking needed
    private Flow.Subscription subscription;
    private byte[] array;
    private int length;
    private boolean done;

    private BoundedBodySubscriber(int limit, boolean truncate, OptionalLong declaredLength) {
        this.limit = limit;
        this.truncate = truncate;
        this.declaredLength = declaredLength;
    }

    /** The whole body, or {@link TooLarge} as soon as more than {@code limit} bytes are declared or arrive. */
    static BoundedBodySubscriber failingAbove(int limit, OptionalLong declaredLength) {
        return new BoundedBodySubscriber(limit, false, declaredLength);
    }

    /** The first {@code limit} bytes of the body; the rest is never read. */
    static BoundedBodySubscriber truncatedTo(int limit) {
        return new BoundedBodySubscriber(limit, true, OptionalLong.empty());
    }

    @Override
    public CompletionStage<Body> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        long declared = declaredLength.orElse(-1);
        if (!truncate && declared > limit) {
            fail(new TooLarge(limit, " (Content-Length: " + declared + ")"));
            return;
        }
        array = new byte[(int) Math.min(limit, declared >= 0 ? declared : FIRST_CAPACITY)];
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (done) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            if ((long) length + n > limit) {
                if (truncate) {
                    append(buffer, limit - length);
                    subscription.cancel();
                    onComplete();
                } else {
                    fail(new TooLarge(limit, ""));
                }
                return;
            }
            append(buffer, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        if (!done) {
            done = true;
            body.completeExceptionally(error);
        }
    }

    @Override
    public void onComplete() {
        if (!done) {
            done = true;
            body.complete(new Body(array == null ? new byte[0] : array, length));
        }
    }

    private void append(ByteBuffer buffer, int n) {
        if (length + n > array.length) {
            // doubling, capped at the bound: the array never exceeds it
            int capacity = (int) Math.min(limit, Math.max((long) length + n, 2L * array.length));
            array = Arrays.copyOf(array, capacity);
        }
        buffer.get(array, length, n);
        length += n;
    }

    private void fail(IOException error) {
        done = true;
        array = null;
        subscription.cancel();
        body.completeExceptionally(error);
    }

    /** {@code 1 MiB}, {@code 512 KiB} or {@code 1000 bytes}. */
    static String bytes(long n) {
        if (n > 0 && n % (1024 * 1024) == 0) {
            return n / (1024 * 1024) + " MiB";
        }
        if (n > 0 && n % 1024 == 0) {
            return n / 1024 + " KiB";
        }
        return n + " bytes";
    }
}
