package org.ksmstudio.engine;

/**
 * How many rmap items (mappings) of one KSM page one process has.
 *
 * @param pid   the process
 * @param count its rmap items in the dup, whole
 */
public record ProcessRmapCount(int pid, long count) {
}
