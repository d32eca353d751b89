package org.ksmstudio.live.calibrate;

/**
 * The cost of migrating one KSM page (two reverse-map walks of its PTEs), fitted as
 * {@code baseMs + 2 × ptes × nsPerPte / 1e6} from median timings.
 *
 * @param nsPerPte      cost per PTE and walk (lock, PTE update, TLB flush)
 * @param baseMs        fixed cost of one migration (copy, allocation)
 * @param measurements  timings used
 */
public record WalkCostCalibration(double nsPerPte, double baseMs, int measurements) {
}
