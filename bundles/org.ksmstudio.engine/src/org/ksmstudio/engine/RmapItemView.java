package org.ksmstudio.engine;

/** An rmap item of a dup: the process and the virtual address mapping the KSM page. */
public record RmapItemView(int pid, long address) {
}
