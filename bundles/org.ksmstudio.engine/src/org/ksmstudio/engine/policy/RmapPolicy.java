package org.ksmstudio.engine.policy;

import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.engine.rmap.WalkKind;

/**
 * A modelled kernel patch: a {@link SharingPolicy} that may also change how the reverse map of a
 * page is walked (TLB-flush batching, reschedule points, skipping walks) and run a background pass
 * over the stable tree (refile). Every hook defaults to the stock kernel (6.18), so a patch overrides
 * only what it changes; a plain {@link SharingPolicy} walks as the stock kernel does.
 * <p>
 * To add a patch without touching the engine: implement this interface in any jar or bundle, give it
 * a public no-argument constructor, and list it in
 * {@code META-INF/services/org.ksmstudio.engine.policy.SharingPolicy} (found by {@link SharingPolicies}
 * headless through {@link java.util.ServiceLoader}); in Eclipse also contribute it to the extension
 * point {@code org.ksmstudio.core.policies}. Instances are created per run and must be deterministic.
 */
public interface RmapPolicy extends SharingPolicy {

    /** One line for users: what the patch changes. */
    String description();

    /**
     * Whether the host TLB flushes of one walk of {@code kind} are batched: the CPUs to flush are
     * gathered over every mapping and each gets one IPI per page, instead of one IPI per mapping.
     */
    default boolean batchesTlbFlush(WalkKind kind) {
        return false;
    }

    /**
     * A cond_resched() point before every this many rmap items of a page's walks (the first excepted);
     * 0 for none. rmap_walk_ksm() has had one per rmap item since 4.13 (the stock kernel); the 2016
     * kernels had none.
     */
    default int reschedEvery() {
        return 1;
    }

    /**
     * Whether every VMA the walk iterates (anon_vma_interval_tree_foreach in rmap_walk_ksm) starts with
     * a cond_resched() point: true in the stock kernel since 4.13, false in the 2016 kernels.
     */
    default boolean reschedEachVma() {
        return true;
    }

    /**
     * Whether the caller of {@code operation} skips the walk of a page mapped {@code mapcount} times
     * while memory pressure on its node is {@code pressure} (0 none .. 1 all of the node reclaimed).
     * A skipped page is treated as referenced and not unmappable: it is not migrated nor reclaimed.
     * Memory failure never skips.
     */
    default boolean skipsWalk(RmapOperation operation, long mapcount, double pressure) {
        return false;
    }

    /** The background refile pass, or null when the patch has none. */
    default @Nullable RefileSettings refile() {
        return null;
    }

    /**
     * A copy of this policy with parameters set ({@code name -> value}, as in {@code "resched:every=8"}).
     *
     * @throws IllegalArgumentException naming an unknown parameter or a bad value
     */
    default RmapPolicy withParameters(Map<String, String> parameters) {
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException("policy = " + name() + ": takes no parameters, got "
                    + parameters.keySet());
        }
        return this;
    }

    /**
     * Settings of a background refile pass.
     *
     * @param intervalMillis simulated time between two passes (run by ksmd, charged to its CPU time)
     * @param maxMovesPerPass at most this many rmap items moved per pass
     */
    record RefileSettings(long intervalMillis, int maxMovesPerPass) {
        public RefileSettings {
            if (intervalMillis < 1 || maxMovesPerPass < 1) {
                throw new IllegalArgumentException("refile: interval_ms = " + intervalMillis + ", max_moves = "
                        + maxMovesPerPass + ": both must be >= 1");
            }
        }
    }
}
