package org.ksmstudio.engine.scenario;

/** /sys/kernel/mm/ksm/advisor_mode. */
public enum AdvisorMode {
    NONE("none"), SCAN_TIME("scan-time");

    private final String sysfsName;

    AdvisorMode(String sysfsName) {
        this.sysfsName = sysfsName;
    }

    /** The name written to / read from sysfs. */
    public String sysfsName() {
        return sysfsName;
    }
}
