package org.ksmstudio.spark;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.ksmstudio.engine.sweep.SweepResult;
import org.ksmstudio.engine.sweep.SweepUnit;
import org.ksmstudio.engine.sweep.UnitRunner;

/**
 * One Spark task: runs one sweep unit on an executor, exactly as the local sweep runs it
 * ({@link UnitRunner#run}: the whole plan through the engine's one stepper), and returns its serializable result. A unit that cannot run gives a
 * failed result (one line), never a task failure, so one bad unit does not stop the sweep.
 */
final class UnitTask implements Function<SweepUnit, SweepResult> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ScenarioText> scenario;

    UnitTask(Broadcast<ScenarioText> scenario) {
        this.scenario = scenario;
    }

    @Override
    public SweepResult call(SweepUnit unit) {
        try {
            return UnitRunner.run(scenario.value().plan(), unit);
        } catch (Exception e) {
            return SweepResult.failed(unit, scenario.value().name() + ": " + e.getMessage());
        }
    }
}
