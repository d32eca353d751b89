package org.ksmstudio.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.Scenario;

/**
 * A scenario as it travels to the executors: the text of its {@code .ksm} file, the name it is
 * reported under, and which run of the file is swept. Executors parse it once per JVM
 * ({@link #plan()}), so a cluster needs no shared file system.
 *
 * @param name     the file name, for messages and the result table
 * @param xml      the file's contents
 * @param runIndex which {@code <run>} of the file
 */
public record ScenarioText(String name, String xml, int runIndex) implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Map<ScenarioText, RunPlan> PLANS = new ConcurrentHashMap<>();

    /** Reads {@code file}. */
    public static ScenarioText read(Path file, int runIndex) throws IOException {
        return new ScenarioText(file.toString(), Files.readString(file, StandardCharsets.UTF_8), runIndex);
    }

    /** The scenario model (a fresh copy on every call). */
    public Scenario model() throws ScenarioLoadException {
        ScenarioModel.init();
        return ScenarioResources.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), name,
                ScenarioModel.createResourceSet());
    }

    /** The policies the file's run compares, when the sweep names none. */
    public List<String> policies() throws ScenarioLoadException {
        return ScenarioConverter.policies(model(), runIndex);
    }

    /**
     * The converted plan, parsed once per JVM; each unit replaces its policy and tunables. Its
     * policy is the first of {@link #policies()}, as in the local sweep.
     */
    public RunPlan plan() throws ScenarioLoadException, ConversionException {
        RunPlan plan = PLANS.get(this);
        if (plan == null) {
            Scenario model = model();
            plan = ScenarioConverter.convert(model, runIndex, ScenarioConverter.policies(model, runIndex).get(0));
            PLANS.putIfAbsent(this, plan);
        }
        return plan;
    }
}
