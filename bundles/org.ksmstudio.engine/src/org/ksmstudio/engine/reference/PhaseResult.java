package org.ksmstudio.engine.reference;

import org.ksmstudio.engine.io.Text;

import java.util.List;

/**
 * The comparison of one phase of a reference case with the simulation.
 *
 * @param caseName  case name
 * @param phaseName phase name
 * @param checks    every compared value
 */
public record PhaseResult(String caseName, String phaseName, List<Check> checks) {

    /** One compared value: expected (as in the file), simulated, and whether it is acceptable. */
    public record Check(String name, String expected, String simulated, boolean ok, String note) {
    }

    public boolean passed() {
        for (Check c : checks) {
            if (!c.ok()) {
                return false;
            }
        }
        return true;
    }

    /** One line: verdict, case/phase, then name=expected/simulated for every check (mismatches marked !). */
    public String line() {
        StringBuilder sb = new StringBuilder();
        sb.append(passed() ? "PASS " : "FAIL ").append(caseName).append('/').append(phaseName);
        for (Check c : checks) {
            sb.append("  ").append(c.ok() ? "" : "!").append(c.name()).append('=').append(c.expected()).append('/')
                    .append(c.simulated());
            if (!c.note().isEmpty()) {
                sb.append('(').append(c.note()).append(')');
            }
        }
        return Text.oneLine(sb.toString());
    }
}
