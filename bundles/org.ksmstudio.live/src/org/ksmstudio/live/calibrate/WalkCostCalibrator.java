package org.ksmstudio.live.calibrate;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.live.Messages;
import org.ksmstudio.live.replay.RmapWalkMeasurement;

/** Fits {@link WalkCostCalibration} by least squares over the median timings of a reference file. */
public final class WalkCostCalibrator {

	private WalkCostCalibrator() {
	}

	/**
	 * @throws IllegalArgumentException when fewer than two distinct PTE counts are given
	 */
	public static WalkCostCalibration fit(List<RmapWalkMeasurement> walks) {
		int n = walks.size();
		double sx = 0, sy = 0, sxx = 0, sxy = 0;
		for (RmapWalkMeasurement w : walks) {
			double x = 2.0 * w.ptesOnMigratedPage();
			sx += x;
			sy += w.medianMs();
			sxx += x * x;
			sxy += x * w.medianMs();
		}
		double det = n * sxx - sx * sx;
		if (n < 2 || det <= 0) {
			throw new IllegalArgumentException(NLS.bind(Messages.WALK_TOO_FEW, Long.toString(n)));
		}
		double slope = (n * sxy - sx * sy) / det;
		double intercept = (sy - slope * sx) / n;
		return new WalkCostCalibration(slope * 1e6, intercept, n);
	}
}
