package org.ksmstudio.ui.internal.run;

import org.ksmstudio.ui.internal.Messages;

/**
 * The paces a run can go at, as the Speed menu and the toolbar offer them: simulated seconds per
 * real second, 0 for as fast as possible.
 */
public enum Speed {
	/** As fast as the machine goes. */
	MAX(0, Messages.speedMax),
	/** 1000 simulated seconds per second. */
	X1000(1000, Messages.speed1000),
	/** 100 simulated seconds per second. */
	X100(100, Messages.speed100),
	/** 10 simulated seconds per second. */
	X10(10, Messages.speed10),
	/** Real time. */
	REAL_TIME(1, Messages.speed1),
	/** A tenth of real time. */
	SLOW_MOTION(0.1, Messages.speed01);

	/** The system property that sets the speed new runs start at (simulated s per s), when not {@link #DEFAULT}. */
	public static final String PROPERTY = "org.ksmstudio.ui.speed"; //$NON-NLS-1$

	/**
	 * The speed a run starts at: real time, so that a user can watch ksmd and act (the 2016
	 * example's 120 s take two minutes, not the 15 s as fast as possible).
	 */
	public static final Speed DEFAULT = REAL_TIME;

	private final double value;
	private final String label;

	Speed(double value, String label) {
		this.value = value;
		this.label = label;
	}

	/** Simulated seconds per real second, 0 for as fast as possible. */
	public double value() {
		return value;
	}

	/** What the menu and the toolbar say. */
	public String label() {
		return label;
	}

	/** The speed new runs start at: {@link #PROPERTY} when set to a number, else {@link #DEFAULT}'s. */
	public static double initial() {
		String property = System.getProperty(PROPERTY);
		if (property != null) {
			try {
				double value = Double.parseDouble(property);
				if (value >= 0 && Double.isFinite(value)) {
					return value;
				}
			} catch (NumberFormatException e) {
				// not a number: the default
			}
		}
		return DEFAULT.value;
	}

	/** {@code value} as the speed command's parameter ("0", "1000", "0.1"). */
	public static String valueText(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	/** The label of {@code value}: a speed's own, or "N simulated s per second". */
	public static String label(double value) {
		for (Speed speed : values()) {
			if (speed.value == value) {
				return speed.label;
			}
		}
		return org.eclipse.osgi.util.NLS.bind(Messages.speedOther, value);
	}
}
