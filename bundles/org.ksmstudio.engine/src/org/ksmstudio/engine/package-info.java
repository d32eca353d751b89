/**
 * The KSM simulation engine: ksmd and mm/ksm.c's data structures on simulated time.
 *
 * <p>Entry point: {@link org.ksmstudio.engine.KsmSimulation#create} with a
 * {@link org.ksmstudio.engine.scenario.Scenario}. Everything is deterministic for a scenario and
 * seed. Content is a 64-bit id per page (0 is the zero page, memcmp order is unsigned id order);
 * per-page state lives in primitive arrays (about 50 bytes per simulated page).</p>
 *
 * <p>What is modelled, after mm/ksm.c (6.x): mm slots in registration order with new mms just
 * behind the cursor, rmap items per page in address order freed when their page is gone,
 * {@code cmp_and_merge_page} (checksum on two visits, zero pages, stable tree then unstable tree,
 * the second page of a pair becomes the KSM page), the stable tree as a red-black tree with
 * regular nodes, chains and dups ({@code chain_prune} on every node of a search path, the fullest
 * candidate when pruning is due, else the first, a new dup when all are full, collapse of
 * single-dup chains, stale dups found lazily through the page's "keyhole"), smart scan ages and
 * skips, the scan-time advisor's integer arithmetic, run=0/1/2, fork (KSM pages shared, limit
 * bypass), exit (the mm leaves when ksmd reaches it), MADV_UNMERGEABLE, merge_across_nodes=0 with
 * per-node trees and the migrate_nodes list, and every sysfs file with its write rules.</p>
 *
 * <p>Timing: a wake-up scans up to pages_to_scan pages and ends early at the end of a full scan
 * (so every full scan costs one extra, empty wake-up); the sleep is
 * {@code msecs_to_jiffies(sleep_millisecs)} ticks and the timer wheel fires one tick after
 * the expiry, counted from the jiffy in which the batch ended (24 ms at 20 ms and HZ=250; measured
 * 7.99, 16.36, 24.13, 56.50 and 106.24 ms at 1, 10, 20, 50 and 100 ms). ksmd runs an exponential
 * scheduling delay after its tick, with a mean lateness for short batches of
 * {@link org.ksmstudio.engine.scenario.CostModel#wakeupLatencyNanos()} (0.3 ms: the reference phases
 * fit 0.26 ms on the quiet machine, 0.73 ms on the machine of the shared measurements); a batch that ends late in its tick crosses the next
 * one more often. Expected slips accumulate deterministically into whole ticks. A batch's effects are
 * stamped with its wake-up time; its CPU cost (per page, from the cost model, measured on this kernel)
 * delays the next wake-up.</p>
 */
@NonNullByDefault
package org.ksmstudio.engine;

import org.eclipse.jdt.annotation.NonNullByDefault;
