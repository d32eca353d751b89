package org.ksmstudio.live.ui.internal.views;

/**
 * One file of /sys/kernel/mm/ksm as the Live view's table shows it.
 *
 * @param file         the file name
 * @param value        its content (normalized: advisor_mode shows the selected mode)
 * @param kind         tunable, counter or unknown
 * @param defaultValue the kernel's default of a tunable, else empty
 * @param rate         change per second of a counter since the previous sample, else empty
 */
public record SysfsRow(String file, String value, String kind, String defaultValue, String rate) {
}
