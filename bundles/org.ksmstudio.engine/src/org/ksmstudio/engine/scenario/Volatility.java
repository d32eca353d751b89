package org.ksmstudio.engine.scenario;

/**
 * Background writes the application keeps doing to its region.
 *
 * @param pagesPerSecond pages rewritten per simulated second (0 = none), chosen pseudo-randomly
 *                       (deterministic per seed) among the volatile pages of the region
 * @param content        what the rewritten pages get
 * @param fraction       fraction (0 to 1) of the region's pages that are volatile, spread evenly over
 *                       the region (page {@code floor(j / fraction)} for the j-th); 1 = every page
 */
public record Volatility(double pagesPerSecond, NewContent content, double fraction) {
    /** No background writes. */
    public static final Volatility NONE = new Volatility(0, NewContent.UNIQUE);

    public Volatility {
        ScenarioException.check(pagesPerSecond >= 0 && Double.isFinite(pagesPerSecond), "volatility.pagesPerSecond",
                pagesPerSecond, "must be a finite number >= 0");
        ScenarioException.check(fraction >= 0 && fraction <= 1, "volatility.fraction", fraction,
                "must be between 0 and 1");
        content = content == null ? NewContent.UNIQUE : content;
    }

    /** Writes spread over every page of the region. */
    public Volatility(double pagesPerSecond, NewContent content) {
        this(pagesPerSecond, content, 1);
    }

    /** How many of a region's {@code regionPages} pages are volatile. */
    public long volatilePages(long regionPages) {
        return fraction >= 1 ? regionPages : Math.round(regionPages * fraction);
    }

    /** The page number of the {@code j}-th volatile page (0 ≤ j < {@link #volatilePages}). */
    public long page(long j, long regionPages) {
        return fraction >= 1 ? j : Math.min(regionPages - 1, (long) Math.floor(j / fraction));
    }
}
