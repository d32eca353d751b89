package org.ksmstudio.engine.patch;

import java.util.List;

import org.ksmstudio.engine.policy.RmapPolicy;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * A modelled patch to mm/ksm.c: the places where ksmd decides, each a hook that defaults to
 * Linux 6.18 (so a patch overrides only what it changes), with the kernel function it stands for.
 * It is also an {@link RmapPolicy}: the sharing limit and dups ({@code isSharingCandidate},
 * {@code prefer}: stable_node_dup() and chain_prune()) and the reverse-map walks.
 *
 * <table>
 * <caption>Seams</caption>
 * <tr><th>hook</th><th>kernel</th></tr>
 * <tr><td>{@link #fullScanStarts}, {@link #fullScanEnds}</td><td>scan_get_next_rmap_item() at ksm_mm_head,
 * ksm_do_scan() after the last mm slot: the advisor's place</td></tr>
 * <tr><td>{@link #skipRmapItem}</td><td>should_skip_rmap_item() (smart_scan)</td></tr>
 * <tr><td>{@link #checksumAllowsMerge}</td><td>calc_checksum() and the oldchecksum test in
 * cmp_and_merge_page() (volatility)</td></tr>
 * <tr><td>{@link #mergeTarget}</td><td>try_to_merge_with_zero_page(), stable_tree_search(),
 * unstable_tree_search_insert() in cmp_and_merge_page()</td></tr>
 * <tr><td>{@code isSharingCandidate}, {@code prefer}</td><td>__is_page_sharing_candidate(), stable_node_dup()</td></tr>
 * <tr><td>{@link #processEvent}</td><td>ksm_madvise(), ksm_enable_merge_any(), ksm_disable_merge_any(), ksm_fork(),
 * __ksm_exit()</td></tr>
 * </table>
 *
 * <p>A patch may keep state per rmap item ({@link #itemColumns()} int columns) and per mm
 * ({@link #mmColumns()} long columns), allocated by the engine, and add counters and tunables of
 * its own ({@link #sysfsFiles()}). It is found by name like every policy (built in,
 * {@code META-INF/services/org.ksmstudio.engine.policy.SharingPolicy}, {@code --patches JAR}, the
 * extension point {@code org.ksmstudio.core.policies}); an instance is made per run and must be
 * deterministic. A hook that throws, or a value out of range, ends the run with a
 * {@link PatchException} naming the patch. See docs/patches.md.</p>
 */
public interface KsmPatch extends RmapPolicy {

    /** The version of the patch API this interface is: packages org.ksmstudio.engine.patch and .sysfs. */
    String API_VERSION = "1.0.0";

    /** The patch's own counters and tunables (rows of the sysfs table); none by default. */
    default List<PatchSysfsFile> sysfsFiles() {
        return List.of();
    }

    /** How many int columns of state the patch keeps per rmap item (0 when allocated). */
    default int itemColumns() {
        return 0;
    }

    /** How many long columns of state the patch keeps per mm (0 when created). */
    default int mmColumns() {
        return 0;
    }

    /**
     * A full scan starts (scan_get_next_rmap_item() at ksm_mm_head, after lru_add_drain_all(), before
     * the unstable tree is reset). Stock: {@link Ksmd#stockFullScanStarts()}.
     */
    default void fullScanStarts(Ksmd ksmd) {
        ksmd.stockFullScanStarts();
    }

    /**
     * A full scan ended (ksm_do_scan() after the last mm slot, before ksm_scan.seqnr++): where the
     * scan-time advisor sets pages_to_scan. Stock: {@link Ksmd#stockFullScanEnds()}.
     */
    default void fullScanEnds(Ksmd ksmd) {
        ksmd.stockFullScanEnds();
    }

    /**
     * should_skip_rmap_item(): whether this scan skips the unmerged page of rmap item {@code item}
     * (a KSM page is never asked). A skipped item leaves the unstable tree and counts in
     * pages_skipped. Stock: {@link Ksmd#stockSkip(int)} (smart_scan).
     */
    default boolean skipRmapItem(Ksmd ksmd, int item) {
        return ksmd.stockSkip(item);
    }

    /**
     * The volatility rule of cmp_and_merge_page(): whether an unmerged page may be merged this scan,
     * given whether its checksum changed since the last scan (the engine has already stored the new
     * checksum). Stock: only a page whose checksum did not change.
     */
    default boolean checksumAllowsMerge(Ksmd ksmd, int item, boolean checksumChanged) {
        return !checksumChanged;
    }

    /**
     * Where an unmerged page that passed {@link #checksumAllowsMerge} looks for a partner. Stock:
     * {@link Ksmd#stockMergeTarget(int)}; never null.
     */
    default MergeTarget mergeTarget(Ksmd ksmd, int item) {
        return ksmd.stockMergeTarget(item);
    }

    /**
     * A process event, after the engine applied it with 6.18's rules: a patch keeps per-mm state
     * here (for {@link ProcessEvent#FORK}, {@code mm} is the child). Stock: nothing more.
     */
    default void processEvent(Ksmd ksmd, ProcessEvent event, int mm) {
    }
}
