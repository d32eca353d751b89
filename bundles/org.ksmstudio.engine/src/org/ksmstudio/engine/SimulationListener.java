package org.ksmstudio.engine;

/** Callbacks from a running simulation, on the simulation thread: keep them short. */
public interface SimulationListener {

    /** A counter sample was taken. */
    default void onSample(CounterSample sample) {
    }

    /** ksmd completed a full scan. */
    default void onFullScan(long fullScans) {
    }

    /** The run state changed. */
    default void onStateChange(KsmSimulation.State state) {
    }
}
