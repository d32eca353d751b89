package org.ksmstudio.engine.scenario;

/**
 * Background writes the application keeps doing to its region.
 *
 * @param pagesPerSecond pages rewritten per simulated second (0 = none), chosen pseudo-randomly
 *                       (deterministic per seed) in the region
 * @param content        what the rewritten pages get
 */
public record Volatility(double pagesPerSecond, NewContent content) {
    /** No background writes. */
    public static final Volatility NONE = new Volatility(0, NewContent.UNIQUE);

    public Volatility {
        ScenarioException.check(pagesPerSecond >= 0 && Double.isFinite(pagesPerSecond), "volatility.pagesPerSecond",
                pagesPerSecond, "must be a finite number >= 0");
        content = content == null ? NewContent.UNIQUE : content;
    }
}
