package org.ksmstudio.engine.sweep;

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

    /** A source that loads each reference once (scenarios are immutable, so runs may share them). */
    static ScenarioSource cached(ScenarioSource source) {
        java.util.Map<String, Scenario> cache = new java.util.concurrent.ConcurrentHashMap<>();
        return ref -> {
            Scenario s = cache.get(ref);
            if (s == null) {
                synchronized (cache) {
                    s = cache.get(ref);
                    if (s == null) {
                        s = source.load(ref);
                        cache.put(ref, s);
                    }
                }
            }
            return s;
        };
    }
}
