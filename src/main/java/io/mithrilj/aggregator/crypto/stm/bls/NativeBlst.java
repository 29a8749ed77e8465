package io.mithrilj.aggregator.crypto.stm.bls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Direct calls into libblst through the Foreign Function &amp; Memory API.
 *
 * <p>jblst exposes no multi-scalar multiplication, so we load the very same native library that jblst ships
 * ({@code supranational/blst/<os>/<arch>/<lib>} inside its jar) a second time, from our own temporary copy,
 * and look the C symbols up. blst is stateless, so two loaded copies do not interfere. Struct contents are
 * treated as opaque bytes whose sizes we ask blst for; we never read jblst's Java object internals.
 */
final class NativeBlst {

    static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;
    static final int P1_AFFINE_SIZE;
    static final int P2_AFFINE_SIZE;
    static final int P1_SIZE;
    static final int P2_SIZE;
    static final int FP12_SIZE;

    static final MethodHandle P1_UNCOMPRESS;
    static final MethodHandle P2_UNCOMPRESS;
    static final MethodHandle P1_AFFINE_IN_G1;
    static final MethodHandle P2_AFFINE_IN_G2;
    static final MethodHandle P1_AFFINE_IS_INF;
    static final MethodHandle P2_AFFINE_IS_INF;
    static final MethodHandle P1_AFFINE_COMPRESS;
    static final MethodHandle P2_AFFINE_COMPRESS;
    static final MethodHandle P1S_MSM_SCRATCH;
    static final MethodHandle P2S_MSM_SCRATCH;
    static final MethodHandle P1S_MSM;
    static final MethodHandle P2S_MSM;
    static final MethodHandle P1_ADD_OR_DOUBLE;
    static final MethodHandle P2_ADD_OR_DOUBLE;
    static final MethodHandle P1_TO_AFFINE;
    static final MethodHandle P2_TO_AFFINE;
    static final MethodHandle CORE_VERIFY_PK_IN_G2;
    static final MethodHandle PAIRING_INIT;
    static final MethodHandle PAIRING_CHK_N_AGGR_PK_IN_G2;
    static final MethodHandle PAIRING_COMMIT;
    static final MethodHandle PAIRING_FINALVERIFY;
    static final long PAIRING_SIZE;
    static final MethodHandle MILLER_LOOP;
    static final MethodHandle FP12_FINALVERIFY;
    static final MethodHandle P1_AFFINE_GENERATOR;
    static final MethodHandle P2_AFFINE_GENERATOR;

    /** The generators' raw affine structs, copied once. */
    static final MemorySegment G1_GENERATOR;

    static final MemorySegment G2_GENERATOR;

    static {
        Path lib = extractLibrary();
        SymbolLookup lookup = SymbolLookup.libraryLookup(lib, Arena.global());
        Linker linker = Linker.nativeLinker();
        MethodHandle p1AffineSizeof = handle(linker, lookup, "blst_p1_affine_sizeof", FunctionDescriptor.of(SIZE_T));
        MethodHandle p2AffineSizeof = handle(linker, lookup, "blst_p2_affine_sizeof", FunctionDescriptor.of(SIZE_T));
        MethodHandle p1Sizeof = handle(linker, lookup, "blst_p1_sizeof", FunctionDescriptor.of(SIZE_T));
        MethodHandle p2Sizeof = handle(linker, lookup, "blst_p2_sizeof", FunctionDescriptor.of(SIZE_T));
        MethodHandle fp12Sizeof = handle(linker, lookup, "blst_fp12_sizeof", FunctionDescriptor.of(SIZE_T));
        try {
            P1_AFFINE_SIZE = (int) (long) p1AffineSizeof.invokeExact();
            P2_AFFINE_SIZE = (int) (long) p2AffineSizeof.invokeExact();
            P1_SIZE = (int) (long) p1Sizeof.invokeExact();
            P2_SIZE = (int) (long) p2Sizeof.invokeExact();
            FP12_SIZE = (int) (long) fp12Sizeof.invokeExact();
        } catch (Throwable t) {
            throw new ExceptionInInitializerError(t);
        }
        var ptr = ValueLayout.ADDRESS;
        var i32 = ValueLayout.JAVA_INT;
        var bool = ValueLayout.JAVA_BOOLEAN;
        P1_UNCOMPRESS = handle(linker, lookup, "blst_p1_uncompress", FunctionDescriptor.of(i32, ptr, ptr));
        P2_UNCOMPRESS = handle(linker, lookup, "blst_p2_uncompress", FunctionDescriptor.of(i32, ptr, ptr));
        P1_AFFINE_IN_G1 = handle(linker, lookup, "blst_p1_affine_in_g1", FunctionDescriptor.of(bool, ptr));
        P2_AFFINE_IN_G2 = handle(linker, lookup, "blst_p2_affine_in_g2", FunctionDescriptor.of(bool, ptr));
        P1_AFFINE_IS_INF = handle(linker, lookup, "blst_p1_affine_is_inf", FunctionDescriptor.of(bool, ptr));
        P2_AFFINE_IS_INF = handle(linker, lookup, "blst_p2_affine_is_inf", FunctionDescriptor.of(bool, ptr));
        P1_AFFINE_COMPRESS = handle(linker, lookup, "blst_p1_affine_compress", FunctionDescriptor.ofVoid(ptr, ptr));
        P2_AFFINE_COMPRESS = handle(linker, lookup, "blst_p2_affine_compress", FunctionDescriptor.ofVoid(ptr, ptr));
        P1S_MSM_SCRATCH =
                handle(linker, lookup, "blst_p1s_mult_pippenger_scratch_sizeof", FunctionDescriptor.of(SIZE_T, SIZE_T));
        P2S_MSM_SCRATCH =
                handle(linker, lookup, "blst_p2s_mult_pippenger_scratch_sizeof", FunctionDescriptor.of(SIZE_T, SIZE_T));
        FunctionDescriptor msm = FunctionDescriptor.ofVoid(ptr, ptr, SIZE_T, ptr, SIZE_T, ptr);
        P1S_MSM = handle(linker, lookup, "blst_p1s_mult_pippenger", msm);
        P2S_MSM = handle(linker, lookup, "blst_p2s_mult_pippenger", msm);
        P1_ADD_OR_DOUBLE = handle(linker, lookup, "blst_p1_add_or_double", FunctionDescriptor.ofVoid(ptr, ptr, ptr));
        P2_ADD_OR_DOUBLE = handle(linker, lookup, "blst_p2_add_or_double", FunctionDescriptor.ofVoid(ptr, ptr, ptr));
        P1_TO_AFFINE = handle(linker, lookup, "blst_p1_to_affine", FunctionDescriptor.ofVoid(ptr, ptr));
        P2_TO_AFFINE = handle(linker, lookup, "blst_p2_to_affine", FunctionDescriptor.ofVoid(ptr, ptr));
        CORE_VERIFY_PK_IN_G2 = handle(
                linker,
                lookup,
                "blst_core_verify_pk_in_g2",
                FunctionDescriptor.of(i32, ptr, ptr, bool, ptr, SIZE_T, ptr, SIZE_T, ptr, SIZE_T));
        PAIRING_INIT = handle(linker, lookup, "blst_pairing_init", FunctionDescriptor.ofVoid(ptr, bool, ptr, SIZE_T));
        PAIRING_CHK_N_AGGR_PK_IN_G2 = handle(
                linker,
                lookup,
                "blst_pairing_chk_n_aggr_pk_in_g2",
                FunctionDescriptor.of(i32, ptr, ptr, bool, ptr, bool, ptr, SIZE_T, ptr, SIZE_T));
        PAIRING_COMMIT = handle(linker, lookup, "blst_pairing_commit", FunctionDescriptor.ofVoid(ptr));
        PAIRING_FINALVERIFY = handle(linker, lookup, "blst_pairing_finalverify", FunctionDescriptor.of(bool, ptr, ptr));
        try {
            PAIRING_SIZE = (long) handle(linker, lookup, "blst_pairing_sizeof", FunctionDescriptor.of(SIZE_T))
                    .invokeExact();
        } catch (Throwable t) {
            throw new ExceptionInInitializerError(t);
        }
        MILLER_LOOP = handle(linker, lookup, "blst_miller_loop", FunctionDescriptor.ofVoid(ptr, ptr, ptr));
        FP12_FINALVERIFY = handle(linker, lookup, "blst_fp12_finalverify", FunctionDescriptor.of(bool, ptr, ptr));
        P1_AFFINE_GENERATOR = handle(linker, lookup, "blst_p1_affine_generator", FunctionDescriptor.of(ptr));
        P2_AFFINE_GENERATOR = handle(linker, lookup, "blst_p2_affine_generator", FunctionDescriptor.of(ptr));
        try {
            MemorySegment g1 = (MemorySegment) P1_AFFINE_GENERATOR.invokeExact();
            MemorySegment g2 = (MemorySegment) P2_AFFINE_GENERATOR.invokeExact();
            G1_GENERATOR = Arena.global().allocate(P1_AFFINE_SIZE, 8).copyFrom(g1.reinterpret(P1_AFFINE_SIZE));
            G2_GENERATOR = Arena.global().allocate(P2_AFFINE_SIZE, 8).copyFrom(g2.reinterpret(P2_AFFINE_SIZE));
        } catch (Throwable t) {
            throw new ExceptionInInitializerError(t);
        }
    }

    private NativeBlst() {}

    private static MethodHandle handle(Linker linker, SymbolLookup lookup, String name, FunctionDescriptor fd) {
        MemorySegment symbol = lookup.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libblst lacks " + name));
        return linker.downcallHandle(symbol, fd);
    }

    /** Copies the libblst of the jblst jar (same resource path jblst itself uses) to a temporary file. */
    private static Path extractLibrary() {
        String override = System.getProperty("mithril.blst.native");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name").replaceFirst(" .*", "");
        String arch = System.getProperty("os.arch");
        String file = System.mapLibraryName("blst");
        String resource = "/supranational/blst/" + os + "/" + arch + "/" + file;
        try (InputStream in = supranational.blst.P1.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnsatisfiedLinkError(
                        "no " + resource + " in the jblst jar for " + os.toLowerCase(Locale.ROOT));
            }
            Path dir = Files.createTempDirectory("mithrilj-blst");
            Path target = dir.resolve(file);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract libblst", e);
        }
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
