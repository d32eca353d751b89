package org.ksmstudio.engine.scenario;

/** When a forked child was created relative to the parent filling its regions. */
public enum ForkPoint {
    /** child forked before the fill: it faults in and fills its own pages (same contents) */
    BEFORE_FILL,
    /** child forked after the fill: it shares the parent's pages copy-on-write */
    AFTER_FILL
}
