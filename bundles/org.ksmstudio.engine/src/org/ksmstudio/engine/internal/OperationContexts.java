package org.ksmstudio.engine.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The contexts that issue reverse-map operations and until when each is busy. An operation holds its
 * context's CPU for its whole latency: migrate_pages and move_pages are system calls of the calling
 * process (its next call starts when the previous returns), compaction runs in the node's kcompactd,
 * reclaim in its kswapd, memory failure in memory_failure()'s one context; operations of one context
 * therefore run one after the other, those of different contexts side by side.
 */
public final class OperationContexts {
    /** What issues an operation. */
    public enum Kind {
        /** a process's migrate_pages/move_pages call: id = pid */
        PROCESS,
        /** kcompactd of a node: id = node */
        KCOMPACTD,
        /** kswapd of a node: id = node */
        KSWAPD,
        /** memory_failure(): id 0 */
        MEMORY_FAILURE
    }

    private final Map<Long, Long> busyUntil = new HashMap<>();

    private static long key(Kind kind, int id) {
        return ((long) kind.ordinal() << 32) | (id & 0xffff_ffffL);
    }

    /** When the context is free again (0 if it never ran an operation). */
    public long freeAt(Kind kind, int id) {
        return busyUntil.getOrDefault(key(kind, id), 0L);
    }

    /** The context runs an operation from {@code start} for {@code latency} ns. */
    public void hold(Kind kind, int id, long start, long latency) {
        busyUntil.put(key(kind, id), start + latency);
    }
}
