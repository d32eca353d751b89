package org.ksmstudio.core.convert;

import static org.ksmstudio.engine.scenario.EngineFootprint.saturatedAdd;
import static org.ksmstudio.engine.scenario.EngineFootprint.saturatedMultiply;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.scenario.EngineFootprint;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.model.ScenarioQueries;
import org.ksmstudio.model.scenario.Fork;
import org.ksmstudio.model.scenario.ForkProcess;
import org.ksmstudio.model.scenario.MemoryFailure;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.PageRangeEvent;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.RunSettings;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioPackage.Literals;
import org.ksmstudio.model.scenario.TimelineEvent;
import org.ksmstudio.model.scenario.Trigger;
import org.ksmstudio.model.validation.ObjectNames;
import org.ksmstudio.model.validation.ScenarioLimits;

/**
 * Estimates what a valid scenario needs before anything is built (pages, processes with every
 * fork, timeline firings, samples, engine heap) and refuses it when that is beyond the
 * {@link ScenarioLimits} or the Java heap the JVM may use (its maximum heap). One pass over the model, no allocation per page,
 * process or firing: a refusal takes milliseconds whatever the sizes. The headless commands and
 * the UI reach it through {@link ScenarioConverter#convert}.
 */
public final class ScenarioSizeGuard {

    /** Heap bytes of one timeline event the converter holds before the run. */
    static final long BYTES_PER_EVENT = 64;

    /** Heap bytes of one sample of the time series (time and every counter). */
    static final long BYTES_PER_SAMPLE = 256;

    /** Heap the application holds besides the run (the loaded bundles, the model, the workbench). */
    static final long APPLICATION_BYTES = 64L << 20;

    private final Scenario model;
    private final Duration bound;
    private final Map<Process, Long> pagesOf = new HashMap<>();
    private long pages;
    private long processes;
    private long firings;
    private long events;
    /** The object, feature and value that contribute most pages, named in a refusal. */
    private @Nullable Culprit biggest;

    private record Culprit(EObject object, EStructuralFeature feature, Object value, long pages) {
        String describe() {
            return ObjectNames.of(object) + ": " + ObjectNames.of(feature) + " = " + value;
        }
    }

    private ScenarioSizeGuard(Scenario model, @Nullable RunSettings run) {
        this.model = model;
        this.bound = run == null || run.getDurationMillis() == 0 ? RunPlan.DEFAULT_BOUND
                : Duration.ofMillis(run.getDurationMillis());
    }

    /**
     * Refuses {@code model} (already valid) run with {@code run} (null: defaults) when it needs
     * more than the limits or the free heap allow.
     *
     * @throws ConversionException one line naming the field, its value, what it needs and the limit
     */
    public static void check(Scenario model, @Nullable RunSettings run) throws ConversionException {
        ScenarioSizeGuard guard = new ScenarioSizeGuard(model, run);
        guard.workload();
        guard.timeline();
        guard.verdict(run);
    }

    private void workload() {
        for (Process p : model.getWorkload().getProcesses()) {
            long own = 0;
            for (MergeableRegion r : p.getRegions()) {
                long content = Math.max(0, ScenarioQueries.contentPages(r));
                own = saturatedAdd(own, content);
                blame(r, Literals.MERGEABLE_REGION__SIZE_PAGES, r.getSizePages(), content);
            }
            pagesOf.put(p, own);
            pages = saturatedAdd(pages, own);
            processes = saturatedAdd(processes, 1);
            for (Fork f : p.getForks()) {
                // children forked before or after the fill each get page slots of their own
                pages = saturatedAdd(pages, saturatedMultiply(f.getCount(), own));
                processes = saturatedAdd(processes, f.getCount());
                blame(f, Literals.FORK__COUNT, f.getCount(), saturatedMultiply(f.getCount(), own));
            }
        }
    }

    private void timeline() throws ConversionException {
        long at = 0;
        boolean live = false;
        Map<Integer, Process> pids = ScenarioQueries.pids(model);
        for (TimelineEvent e : model.getTimeline().getEvents()) {
            live |= e.getTrigger() == Trigger.AFTER_CONVERGENCE;
            at = e.getTrigger() == Trigger.AT_TIME ? e.getTimeMillis() : saturatedAdd(at, e.getTimeMillis());
            if (!live && at > ScenarioLimits.MAX_DURATION_MILLIS) {
                throw new ConversionException(NLS.bind(Messages.Guard_TimelineTooLong, new Object[] { ObjectNames.of(e), at,
                        ScenarioLimits.MAX_DURATION_MILLIS }));
            }
            long n = firings(e);
            firings = saturatedAdd(firings, n);
            events = saturatedAdd(events, saturatedMultiply(n, perFiring(e)));
            if (e instanceof ForkProcess f) {
                long children = saturatedMultiply(n, f.getCount());
                Process parent = pids.get(f.getPid());
                long each = parent == null ? 0 : pagesOf.getOrDefault(parent, 0L);
                processes = saturatedAdd(processes, children);
                pages = saturatedAdd(pages, saturatedMultiply(children, each));
                blame(f, Literals.FORK_PROCESS__COUNT, f.getCount(), saturatedMultiply(children, each));
            }
            if (firings > ScenarioLimits.MAX_FIRINGS) {
                throw new ConversionException(NLS.bind(Messages.Guard_TooManyFirings, new Object[] { ObjectNames.of(e),
                        ObjectNames.of(Literals.TIMELINE_EVENT__PERIOD_MILLIS), e.getPeriodMillis(), firings,
                        ScenarioLimits.MAX_FIRINGS }));
            }
        }
    }

    /** How often {@code e} fires within the run: once, its repeat count, or every period until the bound. */
    private long firings(TimelineEvent e) {
        if (e.getPeriodMillis() <= 0) {
            return 1;
        }
        return e.getRepeat() > 0 ? e.getRepeat() : bound.toMillis() / e.getPeriodMillis() + 1;
    }

    /** Engine events of one firing: a page per failed page, a write per process, a fork per child. */
    private long perFiring(TimelineEvent e) {
        long targets = 1;
        if (e instanceof PageRangeEvent r && r.isEveryProcess()) {
            targets = Math.max(1, ScenarioQueries.processesWithRegion(model, r.getRegion()).size());
        }
        if (e instanceof MemoryFailure f) {
            long range = Math.max(1, f.getToPage() - f.getFromPage());
            return saturatedMultiply(targets, (range + f.getStep() - 1) / Math.max(1, f.getStep()));
        }
        if (e instanceof ForkProcess f) {
            return Math.max(1, f.getCount());
        }
        return targets;
    }

    private void blame(EObject object, EStructuralFeature feature, Object value, long contributed) {
        Culprit most = biggest;
        if (most == null || contributed > most.pages()) {
            biggest = new Culprit(object, feature, value, contributed);
        }
    }

    private void verdict(@Nullable RunSettings run) throws ConversionException {
        Culprit most = biggest;
        String culprit = most == null ? ObjectNames.of(model) : most.describe();
        if (processes > ScenarioLimits.MAX_PROCESSES) {
            throw new ConversionException(NLS.bind(Messages.Guard_TooManyProcesses, new Object[] { culprit, processes,
                    ScenarioLimits.MAX_PROCESSES }));
        }
        if (pages > EngineFootprint.MAX_PAGES) {
            throw new ConversionException(NLS.bind(Messages.Guard_TooManyPages, new Object[] { culprit, pages,
                    EngineFootprint.MAX_PAGES }));
        }
        long interval = run == null ? 1000 : Math.max(1, run.getSamplingIntervalMillis());
        long samples = bound.toMillis() / interval + 1;
        if (samples > ScenarioLimits.MAX_SAMPLES) {
            throw new ConversionException(NLS.bind(Messages.Guard_TooManySamples, new Object[] { run == null ? ObjectNames.of(model) : ObjectNames.of(run),
                    ObjectNames.of(Literals.RUN_SETTINGS__SAMPLING_INTERVAL_MILLIS), interval, samples,
                    ScenarioLimits.MAX_SAMPLES }));
        }
        long need = heapNeeded(pages, processes, events, samples);
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new ConversionException(NLS.bind(Messages.Guard_NotEnoughHeap, new Object[] { culprit, mib(need), pages,
                    processes, events, mib(max) }));
        }
    }

    /**
     * The Java heap a run of one engine with {@code pages} pages, {@code processes} processes,
     * {@code events} timeline events and {@code samples} samples needs, the application included
     * (saturating); compared with the JVM's maximum heap.
     */
    public static long heapNeeded(long pages, long processes, long events, long samples) {
        return saturatedAdd(APPLICATION_BYTES, saturatedAdd(EngineFootprint.heapBytes(pages, processes),
                saturatedAdd(saturatedMultiply(events, BYTES_PER_EVENT), saturatedMultiply(samples, BYTES_PER_SAMPLE))));
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
