package org.ksmstudio.engine;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.rmap.OperationResult;

/**
 * What an event did when it fired: the kernel's answer to a sysfs write, or the result of a
 * reverse-map operation (migration, compaction, reclaim, memory failure); both null for other events
 * and for an operation of the timeline still waiting for its busy context.
 */
public record EventOutcome(@Nullable SysfsResult sysfs, @Nullable OperationResult operation) {

    /** Nothing to tell: a workload or process event. */
    public static final EventOutcome NONE = new EventOutcome(null, null);

    /** The kernel's answer to a sysfs write. */
    public static EventOutcome of(SysfsResult sysfs) {
        return new EventOutcome(sysfs, null);
    }

    /** The result of a reverse-map operation. */
    public static EventOutcome of(OperationResult operation) {
        return new EventOutcome(null, operation);
    }
}
