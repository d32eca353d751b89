package org.ksmstudio.engine.policy;

import java.util.Map;

/**
 * Reschedule points inside the walk only every {@code every} rmap items and none per VMA (the stock
 * kernel has one per item and one per VMA): fewer points make the walk a little shorter and the time
 * others wait for the CPU (the R-state stretch) longer, up to the work of {@code every} items. Stock
 * sharing rules. Parameter {@code every} (default 1).
 */
public final class ReschedPolicy extends StockSharingPatch {
    private final int every;

    public ReschedPolicy() {
        this(1);
    }

    private ReschedPolicy(int every) {
        this.every = every;
    }

    @Override
    public String name() {
        return "resched";
    }

    @Override
    public String description() {
        return "stock sharing; cond_resched() every " + every + " rmap item" + (every == 1 ? "" : "s")
                + " of a walk, none per VMA";
    }

    @Override
    public boolean reschedEachVma() {
        return false;
    }

    @Override
    public int reschedEvery() {
        return every;
    }

    @Override
    public RmapPolicy withParameters(Map<String, String> parameters) {
        int e = every;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (!p.getKey().equals("every")) {
                throw PolicyParameters.unknown(name(), p.getKey(), "every");
            }
            e = (int) PolicyParameters.positive(name(), "every", p.getValue(), Integer.MAX_VALUE);
        }
        return new ReschedPolicy(e);
    }
}
