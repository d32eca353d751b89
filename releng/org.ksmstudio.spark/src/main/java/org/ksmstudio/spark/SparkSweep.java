package org.ksmstudio.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.ksmstudio.engine.sweep.SweepResult;
import org.ksmstudio.engine.sweep.SweepUnit;

/**
 * Runs the units of a sweep as Spark tasks, one task per unit, and returns their results in unit
 * order, whatever order the executors finish in: the same results as the local sweep
 * ({@code ./ksmstudio --headless --sweep}). The scenario is broadcast once; units are independent.
 */
public final class SparkSweep {

    private final SparkSession spark;

    /** A sweep on {@code spark}'s cluster (or local master). */
    public SparkSweep(SparkSession spark) {
        this.spark = spark;
    }

    /** Runs {@code units} of {@code scenario}. */
    public List<SweepResult> run(ScenarioText scenario, List<SweepUnit> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ScenarioText> shared = context.broadcast(scenario);
        try {
            List<SweepResult> results = new ArrayList<>(
                    context.parallelize(units, units.size()).map(new UnitTask(shared)).collect());
            results.sort(Comparator.comparingInt(r -> r.unit().index()));
            return results;
        } finally {
            shared.destroy();
        }
    }
}
