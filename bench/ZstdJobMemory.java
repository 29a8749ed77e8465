import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * zstd's native memory, CPU time and output size for one compressor at level 9 with a given number of workers and job
 * size (issue 20, docs/benchmarks.md): compresses MB megabytes of ArchiveBenchmark's 2.5:1 content to a counting sink
 * and prints the growth of the process's VmHWM. One configuration per JVM (the peak is the process's): run through
 * bench/zstd-job-memory.sh. Arguments: workers, job size in bytes (0: zstd's default), megabytes.
 */
public final class ZstdJobMemory {
    public static void main(String[] args) throws IOException {
        int workers = Integer.parseInt(args[0]);
        int jobSize = Integer.parseInt(args[1]);
        int megabytes = Integer.parseInt(args[2]);
        // 64 MiB of content made before measuring: runs of 64..319 bytes, one in eight random, the others from a
        // 4-letter alphabet (ArchiveBenchmark.fillChunk); repeated, it is 16 windows apart: no match across copies
        byte[] content = new byte[64 << 20];
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < content.length; ) {
            int run = Math.min(content.length - i, 64 + random.nextInt(256));
            boolean noise = random.nextInt(8) == 0;
            for (int k = 0; k < run; k++) content[i + k] = (byte) (noise ? random.nextInt() : random.nextInt(4));
            i += run;
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long hwmBefore = vmHwmKb();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        long[] written = {0};
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                written[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written[0] += len;
            }
        };
        try (ZstdOutputStream zstd = new ZstdOutputStream(sink, RecyclingBufferPool.INSTANCE)) {
            zstd.setLevel(9);
            zstd.setWorkers(workers);
            if (jobSize > 0) zstd.setJobSize(jobSize);
            for (long done = 0; done < (long) megabytes << 20; done += content.length) zstd.write(content);
        }
        System.out.printf(
                "workers %d, job %s: %d MB -> %,d bytes, wall %.1f s, CPU %.1f s, VmHWM +%d MB%n",
                workers,
                jobSize == 0 ? "default" : (jobSize >> 20) + " MiB",
                megabytes,
                written[0],
                (System.nanoTime() - start) / 1e9,
                (os.getProcessCpuTime() - cpuBefore) / 1e9,
                (vmHwmKb() - hwmBefore) / 1024);
    }

    private static long vmHwmKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        throw new IllegalStateException("no VmHWM in /proc/self/status");
    }
}
