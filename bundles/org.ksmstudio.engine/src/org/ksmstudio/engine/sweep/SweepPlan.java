package org.ksmstudio.engine.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario swept over the cartesian product of parameter values and a list of policies: one
 * {@link SweepUnit} per combination, parameters varying slowest in the order given, policies fastest.
 *
 * @param scenarioRef the scenario
 * @param parameters  swept parameters (may be empty)
 * @param policies    policies to compare (at least one)
 */
public record SweepPlan(String scenarioRef, List<SweepParameter> parameters, List<String> policies) {
    /** Most units one plan may have. */
    public static final int MAX_UNITS = 100_000;

    public SweepPlan {
        parameters = List.copyOf(parameters);
        policies = List.copyOf(policies);
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("--policies: at least one policy is needed");
        }
    }

    /** Every unit, in order. */
    public List<SweepUnit> units() {
        long n = policies.size();
        for (SweepParameter p : parameters) {
            n *= p.values().size();
            if (n > MAX_UNITS) {
                throw new IllegalArgumentException("sweep: more than " + MAX_UNITS + " runs");
            }
        }
        List<SweepUnit> units = new ArrayList<>();
        int[] at = new int[parameters.size()];
        while (true) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < at.length; i++) {
                values.put(parameters.get(i).name(), parameters.get(i).values().get(at[i]));
            }
            for (String policy : policies) {
                units.add(new SweepUnit(units.size(), scenarioRef, values, policy));
            }
            int i = at.length - 1;
            while (i >= 0 && ++at[i] == parameters.get(i).values().size()) {
                at[i] = 0;
                i--;
            }
            if (i < 0) {
                return units;
            }
        }
    }
}
