package org.ksmstudio.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Parses and prints CPU lists in the kernel's cpulist format ({@code 0-3,8,10-11}). */
public final class CpuList {

    private CpuList() {
    }

    /**
     * The CPUs of {@code text} in increasing order; an empty or blank text is the empty list.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static List<Integer> parse(String text) {
        BitSet cpus = new BitSet();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        for (String part : text.strip().split(",")) {
            String range = part.strip();
            int dash = range.indexOf('-');
            try {
                int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash).strip());
                int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1).strip());
                if (first < 0 || last < first || last > 1 << 20) {
                    throw new IllegalArgumentException("'" + range + "' is not a CPU range (first-last, first <= last)");
                }
                cpus.set(first, last + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + range + "' is not a CPU number or range such as 0-3");
            }
        }
        List<Integer> list = new ArrayList<>();
        cpus.stream().forEach(list::add);
        return List.copyOf(list);
    }

    /** The cpulist text of {@code cpus} with consecutive CPUs folded into ranges. */
    public static String format(List<Integer> cpus) {
        BitSet set = new BitSet();
        cpus.forEach(set::set);
        StringBuilder text = new StringBuilder();
        for (int first = set.nextSetBit(0); first >= 0; first = set.nextSetBit(first + 1)) {
            int last = set.nextClearBit(first) - 1;
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(first);
            if (last > first) {
                text.append('-').append(last);
            }
            first = last;
        }
        return text.toString();
    }
}
