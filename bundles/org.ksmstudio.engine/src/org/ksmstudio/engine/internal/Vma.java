package org.ksmstudio.engine.internal;

/** One anonymous private VMA of a simulated mm: a contiguous run of page slots. */
final class Vma {
    final String name;
    final long start;
    final int firstSlot;
    final int pages;
    boolean mergeable;
    boolean anonVma = true;
    /** whether rmap items may exist in the VMA while it is not mergeable (to be freed lazily) */
    boolean staleItems;

    Vma(String name, long start, int firstSlot, int pages, boolean mergeable) {
        this.name = name;
        this.start = start;
        this.firstSlot = firstSlot;
        this.pages = pages;
        this.mergeable = mergeable;
    }

    int endSlot() {
        return firstSlot + pages;
    }
}
