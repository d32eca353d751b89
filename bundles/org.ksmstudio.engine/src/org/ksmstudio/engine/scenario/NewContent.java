package org.ksmstudio.engine.scenario;

/** What a write puts into a page. */
public enum NewContent {
    /** every written page gets a content of its own (a zero page becomes a non-zero page of its own) */
    UNIQUE,
    /** the page is rewritten with its own content: a COW copy with equal content */
    SAME
}
