package org.ksmstudio.benchmarks;

import java.util.List;

import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Volatility;

/**
 * The benchmark workload: guests of a KVM host, each region 80 % duplicated guest pages
 * (contents shared by every guest, 1 per 64 pages distinct, interleaved), 15 % unique and 5 %
 * zero pages, one region per guest.
 */
final class Workloads {
    private Workloads() {
    }

    /** Guests of a host of {@code pages} pages: 1 GiB guests up to 4 GiB of host, 4 GiB guests above. */
    static int hostGuests(int pages) {
        return Math.max(4, pages >> 20);
    }

    /** A host of {@code pages} pages in {@link #hostGuests} guests, ksmd scanning without sleeping. */
    static Scenario host(int pages, long pagesToScan) {
        int guests = hostGuests(pages);
        return guests(guests, pages / guests, pagesToScan, 0);
    }

    static Scenario guests(int guests, int pagesPerGuest, long pagesToScan, long sleepMs) {
        int dupPages = pagesPerGuest / 10 * 8;
        int distinct = Math.max(1, dupPages / 64);
        int copies = dupPages / distinct;
        long unique = pagesPerGuest * 15L / 100;
        long zero = pagesPerGuest - (long) distinct * copies - unique;
        List<ContentGroup> groups = List.of(ContentGroup.duplicates(distinct, copies, Layout.INTERLEAVE),
                ContentGroup.unique(unique), ContentGroup.zero(zero));
        Scenario.Builder b = Scenario.builder().name("guests")
                .tunables(KsmTunables.DEFAULTS.withRun(1).withPagesToScan(pagesToScan).withSleepMillisecs(sleepMs));
        for (int g = 0; g < guests; g++) {
            b.process(new ProcessSpec(1000 + g, "qemu-" + g, 0, List.of(), true, true, 0, null,
                    List.of(new MergeableRegion("guest-ram", MergeMode.MADV_MERGEABLE, groups, Volatility.NONE))));
        }
        return b.build();
    }
}
