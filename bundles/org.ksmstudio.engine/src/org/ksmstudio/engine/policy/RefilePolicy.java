package org.ksmstudio.engine.policy;

import java.util.Map;

import org.eclipse.jdt.annotation.NonNull;

/**
 * The "refile" Andrea Arcangeli named in the 2016 thread and never built: a background pass of ksmd
 * that moves rmap items from sparse dups of a chain into fuller ones on the same NUMA node (updating
 * their PTEs), so that the emptied dups' pages are freed and the deduplication lost to fragmentation
 * comes back. At most {@code max_moves} items per pass (default 1024), one pass every
 * {@code interval_ms} of simulated time (default 1000); a dup never goes above max_page_sharing.
 * Stock sharing rules otherwise.
 */
public final class RefilePolicy extends StockSharingPatch {
    private final RefileSettings settings;

    public RefilePolicy() {
        this(new RefileSettings(1000, 1024));
    }

    private RefilePolicy(RefileSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "refile";
    }

    @Override
    public String description() {
        return "stock sharing; every " + settings.intervalMillis() + " ms ksmd moves up to "
                + settings.maxMovesPerPass() + " rmap items from sparse dups into fuller ones";
    }

    @Override
    public @NonNull RefileSettings refile() {
        return settings;
    }

    @Override
    public RmapPolicy withParameters(Map<String, String> parameters) {
        long interval = settings.intervalMillis();
        int moves = settings.maxMovesPerPass();
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            switch (p.getKey()) {
                case "interval_ms" -> interval = PolicyParameters.positive(name(), "interval_ms", p.getValue(),
                        Long.MAX_VALUE / 1_000_000);
                case "max_moves" -> moves = (int) PolicyParameters.positive(name(), "max_moves", p.getValue(),
                        Integer.MAX_VALUE);
                default -> throw PolicyParameters.unknown(name(), p.getKey(), "interval_ms, max_moves");
            }
        }
        return new RefilePolicy(new RefileSettings(interval, moves));
    }
}
