package org.ksmstudio.engine.sweep;

import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.scenario.Scenario;

/** Loads the scenario a {@link SweepUnit} refers to (a .ksm file converted by the core bundle, a test builder, ...). */
@FunctionalInterface
public interface ScenarioSource {

    /**
     * The scenario named by {@code ref}.
     *
     * @throws Exception with a message naming the file and the problem
     */
    Scenario load(String ref) throws Exception;

    /**
     * Runs a simulation of the scenario {@code ref} (with a unit's parameters applied) to its end. The
     * default follows the scenario's run settings; a source whose files hold more than the engine's
     * timeline (steps after convergence, checkpoints) applies them here.
     */
    default void drive(String ref, KsmSimulation simulation) throws Exception {
        simulation.run();
    }

    /** A source that loads each reference once (scenarios are immutable, so runs may share them). */
    static ScenarioSource cached(ScenarioSource source) {
        java.util.Map<String, Scenario> cache = new java.util.concurrent.ConcurrentHashMap<>();
        return new ScenarioSource() {
            @Override
            public Scenario load(String ref) throws Exception {
                synchronized (cache) {
                    Scenario s = cache.get(ref);
                    if (s == null) {
                        s = source.load(ref);
                        cache.put(ref, s);
                    }
                    return s;
                }
            }

            @Override
            public void drive(String ref, KsmSimulation simulation) throws Exception {
                source.drive(ref, simulation);
            }
        };
    }
}
