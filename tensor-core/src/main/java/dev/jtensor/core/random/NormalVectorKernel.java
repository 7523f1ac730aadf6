package dev.jtensor.core.random;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 Box–Muller block of PyTorch's AVX2 {@code normal_} kernel on 8-lane vectors: one
 * vector holds a block's 8 radius inputs, another its 8 angle inputs, exactly as in
 * {@code normal_fill_16_AVX2}. Every operation is the lane-wise twin of
 * {@link NormalKernels#block16}, with {@code fma} where that has {@code Math.fma}, so both give the
 * same bits. Only loaded when {@link VectorAvailability} found the Vector API.
 */
final class NormalVectorKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final FloatVector VP1 = FloatVector.broadcast(F, NormalKernels.P1);
    private static final FloatVector VP2 = FloatVector.broadcast(F, NormalKernels.P2);
    private static final FloatVector VP3 = FloatVector.broadcast(F, NormalKernels.P3);
    private static final FloatVector VP4 = FloatVector.broadcast(F, NormalKernels.P4);
    private static final FloatVector VP5 = FloatVector.broadcast(F, NormalKernels.P5);
    private static final FloatVector VP6 = FloatVector.broadcast(F, NormalKernels.P6);
    private static final FloatVector VP7 = FloatVector.broadcast(F, NormalKernels.P7);
    private static final FloatVector VP8 = FloatVector.broadcast(F, NormalKernels.P8);
    private static final FloatVector VC1 = FloatVector.broadcast(F, NormalKernels.C1);
    private static final FloatVector VC2 = FloatVector.broadcast(F, NormalKernels.C2);
    private static final FloatVector VS1 = FloatVector.broadcast(F, NormalKernels.S1);
    private static final FloatVector VS2 = FloatVector.broadcast(F, NormalKernels.S2);
    private static final FloatVector NEG_DP1 = FloatVector.broadcast(F, -NormalKernels.DP1);
    private static final FloatVector NEG_DP2 = FloatVector.broadcast(F, -NormalKernels.DP2);
    private static final FloatVector NEG_DP3 = FloatVector.broadcast(F, -NormalKernels.DP3);

    private NormalVectorKernel() {}

    /** Transforms {@code blocks} consecutive 16-element blocks of uniforms starting at {@code a[off]} in place. */
    static void transformBlocks(float[] a, int off, int blocks, float mean, float std) {
        for (int b = 0; b < blocks; b++) {
            int o = off + 16 * b;
            FloatVector u1 = FloatVector.broadcast(F, 1.0f).sub(FloatVector.fromArray(F, a, o));
            FloatVector u2 = FloatVector.fromArray(F, a, o + 8);
            FloatVector radius = log(u1).mul(-2.0f).sqrt();
            FloatVector x = u2.mul(NormalKernels.TWO_PI_F);

            // sincos256_ps: the angle is non-negative, so no input sign to fold in.
            IntVector q = (IntVector) x.mul(NormalKernels.FOPI).convert(VectorOperators.F2I, 0);
            q = q.add(1).and(~1);
            FloatVector y = (FloatVector) q.convert(VectorOperators.I2F, 0);
            VectorMask<Float> negS = q.and(4).compare(VectorOperators.NE, 0).cast(F);
            VectorMask<Float> negC = q.sub(2).and(4).compare(VectorOperators.EQ, 0).cast(F);
            VectorMask<Float> swap = q.and(2).compare(VectorOperators.NE, 0).cast(F);
            x = y.fma(NEG_DP1, x);
            x = y.fma(NEG_DP2, x);
            x = y.fma(NEG_DP3, x);
            FloatVector z = x.mul(x);
            FloatVector cp = FloatVector.broadcast(F, NormalKernels.C0).fma(z, VC1).fma(z, VC2);
            cp = cp.mul(z);
            cp = cp.fma(z, z.mul(0.5f).neg());
            cp = cp.add(1.0f);
            FloatVector sp = FloatVector.broadcast(F, NormalKernels.S0).fma(z, VS1).fma(z, VS2);
            sp = sp.mul(z);
            sp = sp.fma(x, x);
            FloatVector s = sp.blend(cp, swap);
            FloatVector c = cp.blend(sp, swap);
            s = s.blend(s.neg(), negS);
            c = c.blend(c.neg(), negC);

            radius.mul(c).fma(std, mean).intoArray(a, o);
            radius.mul(s).fma(std, mean).intoArray(a, o + 8);
        }
    }

    /** {@code log256_ps} lane-wise; the twin of {@link NormalKernels#logAvx}. */
    private static FloatVector log(FloatVector in) {
        FloatVector one = FloatVector.broadcast(F, 1.0f);
        FloatVector x = in.max(NormalKernels.MIN_NORM);
        IntVector bits = (IntVector) x.reinterpretShape(I, 0);
        IntVector exp = bits.lanewise(VectorOperators.LSHR, 23).sub(127);
        FloatVector e = ((FloatVector) exp.convert(VectorOperators.I2F, 0)).add(1.0f);
        FloatVector m = (FloatVector) bits.and(0x807FFFFF).or(0x3F000000).reinterpretShape(F, 0);
        VectorMask<Float> small = m.compare(VectorOperators.LT, NormalKernels.SQRTHF);
        FloatVector zero = FloatVector.zero(F);
        FloatVector t = zero.blend(m, small);
        e = e.sub(zero.blend(one, small));
        m = m.sub(1.0f).add(t);
        FloatVector z = m.mul(m);
        FloatVector p = FloatVector.broadcast(F, NormalKernels.P0).fma(m, VP1);
        p = p.fma(m, VP2);
        p = p.fma(m, VP3);
        p = p.fma(m, VP4);
        p = p.fma(m, VP5);
        p = p.fma(m, VP6);
        p = p.fma(m, VP7);
        p = p.fma(m, VP8);
        p = p.mul(m);
        p = p.fma(z, e.mul(NormalKernels.Q1));
        p = p.sub(z.mul(0.5f));
        return m.add(p).add(e.mul(NormalKernels.Q2));
    }
}
