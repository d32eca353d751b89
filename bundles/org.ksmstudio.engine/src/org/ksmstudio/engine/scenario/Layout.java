package org.ksmstudio.engine.scenario;

/** How the copies of K distinct contents are laid out in a content group. */
public enum Layout {
    /** page i has content i / copies: all copies of content 0 first, then of content 1, ... */
    BLOCK,
    /** page i has content i % distinct: 0, 1, ..., K-1, 0, 1, ... */
    INTERLEAVE
}
