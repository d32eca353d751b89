package org.ksmstudio.engine.policy;

import java.util.Map;

/**
 * Reschedule points inside the walk: cond_resched() every {@code every} rmap items (later kernels
 * have one per item). The walk gets a little longer, the time others wait for the CPU (the R-state
 * stretch) shrinks to the work between two points. Stock sharing rules. Parameter {@code every}
 * (default 1).
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
                + " of a walk";
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
