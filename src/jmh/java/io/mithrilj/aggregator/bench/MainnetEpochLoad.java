package io.mithrilj.aggregator.bench;

import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import io.mithrilj.aggregator.devnet.AggregatorClient;
import io.mithrilj.aggregator.devnet.DevnetNetwork;
import io.mithrilj.aggregator.devnet.SignerKeyRegistrations;
import io.mithrilj.aggregator.devnet.SimulatedSigner;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.signable.MithrilStakeDistributionSignable;
import io.mithrilj.aggregator.protocol.signable.SignableSeed;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Issue 17's mainnet-sized epoch against a running service, from another process: the service runs the devnet with
 * DEVNET_SIGNERS pools but without its in-process signers ({@code -Dmithril.devnet.in-process-signers=false}), and this
 * client is those pools' signers. It prepares everything before each clock starts, then measures over HTTP: the
 * registration of every pool (twice: for epochs N+1 and N+2) and the ingestion of every single signature of the
 * MithrilStakeDistribution of N+2. The service logs how long the certificate took to make (CertifierService).
 *
 * <p>Arguments: API root, pools, epoch length (seconds, as the service's), HTTP concurrency, and optionally the
 * service's pid (to report where the CPU goes while the signatures are posted).
 */
public final class MainnetEpochLoad {

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0]);
        int pools = Integer.parseInt(args[1]);
        long epochLength = Long.parseLong(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        long servicePid = args.length > 4 ? Long.parseLong(args[4]) : -1;

        long t = System.nanoTime();
        DevnetNetwork network = new DevnetNetwork(pools, epochLength, InstantSource.system());
        System.out.printf("prepared %d pools (cold keys, KES keys, opcerts) in %.1f s%n", pools, seconds(t));
        AggregatorClient client = new AggregatorClient(api, Duration.ofSeconds(120), Optional.empty());
        SignerKeyRegistrations shared = new SignerKeyRegistrations();
        List<SimulatedSigner> signers = new ArrayList<>();
        for (var pool : network.pools()) {
            signers.add(new SimulatedSigner(pool, network.chain(), new SecureRandom(), shared, DevnetNetwork::stmKeySeed));
        }

        // an epoch N of the aggregator with at least half of it left
        EpochSettingsMessage settings = awaitEpoch(client, network, epochLength, Optional.empty());
        Epoch n = settings.epoch();
        ProtocolParameters parameters = settings.signerRegistrationProtocol().orElseThrow();
        System.out.printf("aggregator at epoch %s, parameters %s%n", n, parameters);
        Map<String, String> forN1 = register(client, signers, settings, parameters, concurrency, "N+1");

        settings = awaitEpoch(client, network, epochLength, Optional.of(n.next()));
        Map<String, String> forN2 = register(client, signers, settings, parameters, concurrency, "N+2");

        // N+2: its signers register for N+3 during it; the MSD of N+2 signed first (the service's first burst of
        // signatures since it started: cold code), then at N+3 the MSD of N+3 (warm: the steady state of a service
        // that has run for epochs)
        Epoch n2 = n.next().next();
        List<String> atN2 = prepareSignatures(network, signers, n2, forN1, forN2, parameters, concurrency);
        postSignatures(client, api, atN2, n2, epochLength, concurrency, servicePid, "N+2 (first burst: cold)");
        settings = awaitEpoch(client, network, epochLength, Optional.of(n2));
        Map<String, String> forN3 = register(client, signers, settings, parameters, concurrency, "N+3");
        Epoch n3 = n2.next();
        List<String> atN3 = prepareSignatures(network, signers, n3, forN2, forN3, parameters, concurrency);
        postSignatures(client, api, atN3, n3, epochLength, concurrency, servicePid, "N+3 (warm)");
    }

    /** The MSD of {@code epoch}, as its signers compute it, and their signatures (pools that win no index send none). */
    private static List<String> prepareSignatures(
            DevnetNetwork network,
            List<SimulatedSigner> signers,
            Epoch epoch,
            Map<String, String> current,
            Map<String, String> next,
            ProtocolParameters parameters,
            int concurrency)
            throws Exception {
        EpochSettingsMessage settings = settingsOf(epoch, current, next);
        List<SignerWithStake> nextSigners = new ArrayList<>();
        Map<String, Long> stakes = network.chain().currentStakeDistribution();
        for (String json : next.values()) nextSigners.add(signerWithStake(json, stakes));
        SignedEntityType msd = new SignedEntityType.MithrilStakeDistribution(epoch);
        ProtocolMessage message = MithrilStakeDistributionSignable.computeSeededProtocolMessage(
                epoch, SignableSeed.of(epoch, nextSigners, parameters));
        long t = System.nanoTime();
        List<String> signatures = parallel(signers, s -> s.prepareSignature(settings, msd, message), concurrency)
                .stream()
                .flatMap(Optional::stream)
                .toList();
        System.out.printf(
                "prepared %d single signatures for %s (of %d signers, the others won no index) in %.1f s%n",
                signatures.size(), msd, signers.size(), seconds(t));
        return signatures;
    }

    /**
     * Waits for the open message of the epoch's MSD (the first signature is stored, 201, not refused or buffered),
     * then posts every other signature at once with the lean client, timed, with where the CPU went meanwhile.
     */
    private static void postSignatures(
            AggregatorClient client,
            URI api,
            List<String> signatures,
            Epoch epoch,
            long epochLength,
            int concurrency,
            long servicePid,
            String label)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(epochLength * 3);
        while (true) {
            try {
                if (client.registerSignature(signatures.getFirst()) == AggregatorClient.SignatureOutcome.REGISTERED) break;
            } catch (RuntimeException e) {
                // not authenticated yet: the aggregator is not at this epoch or has not computed its signers
            }
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("no open message at " + epoch);
            Thread.sleep(200);
        }
        RawHttpPoster poster = new RawHttpPoster(api, concurrency);
        List<byte[]> requests = poster.encode("/register-signatures", signatures.subList(1, signatures.size()));
        CpuTicks before = CpuTicks.now(servicePid);
        long t = System.nanoTime();
        Map<Integer, Integer> statuses = poster.send(requests);
        double ingestion = seconds(t);
        CpuTicks used = CpuTicks.now(servicePid).minus(before);
        System.out.printf(
                "SIGNATURES %s: %d posted in %.2f s = %.0f signatures/s over HTTP (responses by status: %s; 410 once"
                        + " the certificate is made)%n",
                label, requests.size(), ingestion, requests.size() / ingestion, new java.util.TreeMap<>(statuses));
        System.out.printf(
                "CPU during the signatures (of %.2f core-seconds on %d cores): service %.2f, PostgreSQL %.2f, this"
                        + " load client %.2f, other %.2f%n",
                ingestion * Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(),
                used.service(),
                used.postgres(),
                used.client(),
                used.machine() - used.service() - used.postgres() - used.client());
    }

    /** CPU seconds used so far (Linux /proc): the machine's busy time, the service, PostgreSQL's processes, us. */
    record CpuTicks(double machine, double service, double postgres, double client) {
        private static final double HZ = 100.0; // USER_HZ

        static CpuTicks now(long servicePid) {
            double machine = 0;
            try {
                String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                        .getFirst()
                        .trim()
                        .split("\\s+");
                // user nice system idle iowait irq softirq steal
                for (int i : new int[] {1, 2, 3, 6, 7, 8}) machine += Long.parseLong(f[i]);
            } catch (java.io.IOException e) {
                return new CpuTicks(0, 0, 0, 0);
            }
            double postgres = 0;
            java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
            for (java.io.File p : procs == null ? new java.io.File[0] : procs) {
                String stat = stat(Long.parseLong(p.getName()));
                if (stat != null && stat.contains("(postgres)")) postgres += ticks(stat);
            }
            String service = servicePid > 0 ? stat(servicePid) : null;
            return new CpuTicks(
                    machine / HZ,
                    service == null ? 0 : ticks(service) / HZ,
                    postgres / HZ,
                    ticks(stat(ProcessHandle.current().pid())) / HZ);
        }

        private static String stat(long pid) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            } catch (java.io.IOException e) {
                return null;
            }
        }

        /** utime + stime of a /proc/[pid]/stat line. */
        private static double ticks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        CpuTicks minus(CpuTicks o) {
            return new CpuTicks(machine - o.machine, service - o.service, postgres - o.postgres, client - o.client);
        }
    }

    private static Map<String, String> register(
            AggregatorClient client,
            List<SimulatedSigner> signers,
            EpochSettingsMessage settings,
            ProtocolParameters parameters,
            int concurrency,
            String label)
            throws Exception {
        long t = System.nanoTime();
        List<Optional<SimulatedSigner.Registration>> prepared =
                parallel(signers, s -> s.prepareRegistration(settings, parameters), concurrency);
        System.out.printf("prepared %d registrations for %s in %.1f s%n", prepared.size(), label, seconds(t));
        Map<String, String> sent = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        t = System.nanoTime();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < signers.size(); i++) indexes.add(i);
        parallel(indexes, i -> {
            var registration = prepared.get(i);
            if (registration.isEmpty()) return null;
            try {
                client.registerSigner(registration.get().json());
                signers.get(i).registered(registration.get());
                sent.put(signers.get(i).partyId(), registration.get().json());
            } catch (RuntimeException e) {
                if (refused.incrementAndGet() <= 3) System.out.println("refused: " + e.getMessage());
            }
            return null;
        }, concurrency);
        double s = seconds(t);
        System.out.printf(
                "REGISTRATIONS %s: %d accepted, %d refused in %.2f s = %.0f signers/s over HTTP%n",
                label, sent.size(), refused.get(), s, sent.size() / s);
        return sent;
    }

    /** Waits until the aggregator reports an epoch (this one, or any) with at least half of it left on the chain. */
    private static EpochSettingsMessage awaitEpoch(
            AggregatorClient client, DevnetNetwork network, long epochLength, Optional<Epoch> wanted)
            throws InterruptedException {
        while (true) {
            try {
                EpochSettingsMessage settings = EpochSettingsMessage.parse(client.epochSettings());
                Epoch chain = network.chain().epoch();
                long left = Duration.between(Instant.now(), network.chain().startOf(chain.next())).toSeconds();
                boolean right = wanted.map(settings.epoch()::equals).orElse(true);
                if (right && settings.epoch().equals(chain) && (wanted.isPresent() || left >= epochLength / 2)) {
                    return settings;
                }
            } catch (RuntimeException e) {
                // not ready yet
            }
            Thread.sleep(500);
        }
    }

    private static EpochSettingsMessage settingsOf(Epoch epoch, Map<String, String> current, Map<String, String> next) {
        StringBuilder json = new StringBuilder("{\"epoch\":" + epoch.value() + ",\"current_signers\":[");
        json.append(String.join(",", current.values().stream().map(MainnetEpochLoad::signerPart).toList()));
        json.append("],\"next_signers\":[");
        json.append(String.join(",", next.values().stream().map(MainnetEpochLoad::signerPart).toList()));
        return EpochSettingsMessage.parse(json.append("]}").toString());
    }

    /** A registration message as the signer part of the epoch settings (the same fields but the epoch). */
    private static String signerPart(String registration) {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) CertificateJson.parse(registration);
        node.remove("epoch");
        return node.toString();
    }

    private static SignerWithStake signerWithStake(String registration, Map<String, Long> stakes) {
        var node = CertificateJson.parse(registration);
        String party = node.get("party_id").asText();
        return new SignerWithStake(
                party,
                node.get("verification_key").asText(),
                Optional.of(node.get("verification_key_signature").asText()),
                Optional.of(node.get("operational_certificate").asText()),
                OptionalLong.of(node.get("kes_period").asLong()),
                stakes.get(party));
    }

    private static <T, R> List<R> parallel(List<T> items, Function<T, R> work, int concurrency) throws Exception {
        Semaphore permits = new Semaphore(concurrency);
        List<Future<R>> futures = new ArrayList<>(items.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return work.apply(item);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<R> f : futures) out.add(f.get());
            return out;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
