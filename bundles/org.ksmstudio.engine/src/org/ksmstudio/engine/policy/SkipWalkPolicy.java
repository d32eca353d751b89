package org.ksmstudio.engine.policy;

import java.util.Map;

import org.ksmstudio.engine.rmap.RmapOperation;

/**
 * Hugh Dickins' counter-proposal in the 2016 thread: no sharing limit, but the callers of the walk
 * skip it when the page's mapcount is above a limit that falls as memory pressure rises; such a page
 * is treated as referenced and not unmappable, so it can be neither migrated (compaction and
 * migrate_pages fail on it) nor reclaimed. The limit is {@code limit × (1 − pressure)}, at least
 * {@code min}. Parameters {@code limit} (default 256) and {@code min} (default 16). Memory failure
 * still walks. Sharing as in kernels before 4.13 (no limit).
 */
public final class SkipWalkPolicy implements RmapPolicy {
    private final long limit;
    private final long min;

    public SkipWalkPolicy() {
        this(256, 16);
    }

    private SkipWalkPolicy(long limit, long min) {
        this.limit = limit;
        this.min = min;
    }

    @Override
    public String name() {
        return "skip-walk";
    }

    @Override
    public String description() {
        return "no sharing limit; skip walks of pages mapped more than " + limit + " times (falling with pressure, "
                + "at least " + min + "): not migrated, not reclaimed";
    }

    @Override
    public boolean isSharingCandidate(int rmapItems, int offset, int maxPageSharing) {
        return rmapItems != 0;
    }

    /** The mapcount above which a walk is skipped at memory pressure {@code pressure} (0..1). */
    public long limitAt(double pressure) {
        double p = Math.max(0, Math.min(1, pressure));
        return Math.max(min, Math.round(limit * (1 - p)));
    }

    @Override
    public boolean skipsWalk(RmapOperation operation, long mapcount, double pressure) {
        return operation != RmapOperation.MEMORY_FAILURE && mapcount > limitAt(pressure);
    }

    @Override
    public RmapPolicy withParameters(Map<String, String> parameters) {
        long l = limit;
        long m = min;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            switch (p.getKey()) {
                case "limit" -> l = PolicyParameters.positive(name(), "limit", p.getValue(), Long.MAX_VALUE);
                case "min" -> m = PolicyParameters.positive(name(), "min", p.getValue(), Long.MAX_VALUE);
                default -> throw PolicyParameters.unknown(name(), p.getKey(), "limit, min");
            }
        }
        if (m > l) {
            throw new IllegalArgumentException("policy " + name() + ": min = " + m + ": must be <= limit (" + l + ")");
        }
        return new SkipWalkPolicy(l, m);
    }
}
