package org.ksmstudio.engine.sysfs;

import java.util.List;
import java.util.Map;

/**
 * A shell script that writes a set of tunables to a real machine's /sys/kernel/mm/ksm, for a kernel
 * in any state and of any version, following {@link KsmSysfsFile}:
 * <ul>
 * <li>the writes come in {@link KsmSysfsFile#writeOrder()};</li>
 * <li>ksmd is stopped and every page unmerged ({@code run=2}) only when a
 * {@link KsmSysfsFile#busyWhileShared()} file must change (EBUSY otherwise);</li>
 * <li>advisor_mode is none while pages_to_scan is written ({@link KsmSysfsFile#refusedUnderAdvisor()}),
 * then set to its value;</li>
 * <li>a file the kernel lacks is skipped (each file newer than KSM itself says since which version),
 * a refused write is reported and the script goes on: nothing stops it between stopping ksmd
 * and writing run (the value given, else the value run had before);</li>
 * <li>the directory is {@code $KSM}, by default /sys/kernel/mm/ksm; the exit status is 1 when a
 * write was refused.</li>
 * </ul>
 */
public final class SysfsScript {

    /** The kernel version that brought KSM; files as old need no version comment. */
    private static final String FIRST_VERSION = KsmSysfsFile.RUN.since();

    private SysfsScript() {
    }

    /**
     * The script.
     *
     * @param title  what it reproduces, for the first comment line
     * @param values tunable → value as written ("none", "256"); counters and absent tunables are left out
     */
    public static String of(String title, Map<KsmSysfsFile, String> values) {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# KSM tunables of ").append(title.replaceAll("[\\r\\n]+", " ")).append(", exported by KSM Studio.\n");
        s.append("# Run as root. Writes $KSM (default /sys/kernel/mm/ksm) in an order the kernel accepts.\n");
        s.append("# A file this kernel lacks is skipped and a refused write reported; the script never stops\n");
        s.append("# between stopping ksmd and writing run. Exit status 1 when a write was refused.\n");
        s.append("KSM=\"${KSM:-/sys/kernel/mm/ksm}\"\n");
        s.append("failed=0\n");
        s.append("run_before=$(cat \"$KSM/run\" 2>/dev/null || echo 1)\n\n");
        s.append("# ksm_write FILE VALUE: echo VALUE > $KSM/FILE if this kernel has FILE\n");
        s.append("ksm_write() {\n");
        s.append("    if [ ! -e \"$KSM/$1\" ]; then\n");
        s.append("        echo \"skipped $1: this kernel has no $KSM/$1\" >&2\n");
        s.append("    elif ! echo \"$2\" > \"$KSM/$1\"; then\n");
        s.append("        echo \"refused: echo $2 > $KSM/$1 (it keeps $(cat \"$KSM/$1\"))\" >&2\n");
        s.append("        failed=1\n");
        s.append("    fi\n");
        s.append("}\n\n");
        s.append("# ksm_differs FILE VALUE: this kernel has FILE and it holds another value\n");
        s.append("ksm_differs() {\n");
        s.append("    [ -e \"$KSM/$1\" ] && [ \"$(cat \"$KSM/$1\")\" != \"$2\" ]\n");
        s.append("}\n");
        List<KsmSysfsFile> busy = KsmSysfsFile.writeOrder().stream()
                .filter(f -> f.busyWhileShared() && values.containsKey(f)).toList();
        boolean advisorOff = values.containsKey(KsmSysfsFile.ADVISOR_MODE);
        for (KsmSysfsFile file : KsmSysfsFile.writeOrder()) {
            String value = values.get(file);
            if (file == KsmSysfsFile.RUN || value == null) {
                continue;
            }
            if (!busy.isEmpty() && file == busy.get(0)) {
                unmerge(s, busy, values);
            }
            if (advisorOff && file.refusedUnderAdvisor()) {
                s.append("\n# ").append(file).append(" answers EINVAL under the scan-time advisor: ")
                        .append(KsmSysfsFile.ADVISOR_MODE).append(" is none while it is written\n");
                write(s, KsmSysfsFile.ADVISOR_MODE, "none");
                advisorOff = false;
            }
            write(s, file, value);
        }
        s.append("\n# run last: ksmd starts (or stays stopped) with everything else in place\n");
        String run = values.get(KsmSysfsFile.RUN);
        s.append("ksm_write run ").append(run == null ? "\"$run_before\"" : word(run)).append('\n');
        s.append("exit $failed\n");
        return s.toString();
    }

    private static void unmerge(StringBuilder s, List<KsmSysfsFile> busy, Map<KsmSysfsFile, String> values) {
        s.append("\n# ").append(String.join(" and ", busy.stream().map(KsmSysfsFile::fileName).toList()))
                .append(" answer EBUSY while pages are shared:\n");
        s.append("# stop ksmd and unmerge every KSM page first when one of them must change.\n");
        s.append("if ");
        for (int i = 0; i < busy.size(); i++) {
            s.append(i == 0 ? "" : " || ").append("ksm_differs ").append(busy.get(i)).append(' ')
                    .append(word(values.get(busy.get(i))));
        }
        s.append("; then\n    ksm_write run 2\nfi\n");
    }

    private static void write(StringBuilder s, KsmSysfsFile file, String value) {
        if (!file.since().equals(FIRST_VERSION)) {
            s.append("# ").append(file).append(": Linux ").append(file.since())
                    .append(" and later, skipped on older kernels\n");
        }
        s.append("ksm_write ").append(file).append(' ').append(word(value)).append('\n');
    }

    /** A shell word for a value: as is when harmless, else single-quoted. */
    private static String word(String value) {
        String v = value.strip();
        return v.matches("[A-Za-z0-9_.+-]+") ? v : "'" + v.replace("'", "'\\''") + "'";
    }
}
