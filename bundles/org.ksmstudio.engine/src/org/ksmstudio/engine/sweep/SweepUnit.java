package org.ksmstudio.engine.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One independent run of a sweep: a scenario (by reference, e.g. the path of its .ksm file), the
 * parameter values to apply, and the policy.
 * Serializable and free of engine objects, so units can be shipped to other machines.
 *
 * @param index       position in the sweep (results are reported in this order)
 * @param scenarioRef the scenario's name or file
 * @param parameters  parameter name to value, in sweep order
 * @param policy      policy name, possibly with parameters ("resched:every=8")
 */
public record SweepUnit(int index, String scenarioRef, Map<String, String> parameters, String policy)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public SweepUnit {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** "max_page_sharing=256 policy=stock" */
    public String label() {
        StringBuilder b = new StringBuilder();
        parameters.forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
        return b.append("policy=").append(policy).toString();
    }
}
