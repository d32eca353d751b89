package org.ksmstudio.engine.scenario;

/** Whether a content group yields the same contents in every process. */
public enum ContentSharing {
    /** content j of the group is the same bytes in every process that has the group (same content space) */
    SHARED_ACROSS_PROCESSES,
    /** every process gets contents of its own (salted with the pid): equal only within the process */
    SALTED
}
