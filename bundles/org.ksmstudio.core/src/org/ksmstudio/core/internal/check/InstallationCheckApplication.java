package org.ksmstudio.core.internal.check;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Headless check of an installation: every {@code org.ksmstudio} bundle must be present
 * (those named with {@code -expect a,b,c}), resolve and activate.
 * Prints one line per bundle and exits with 0 when all pass, 1 otherwise.
 */
public final class InstallationCheckApplication implements IApplication {

	static final String PREFIX = "org.ksmstudio"; //$NON-NLS-1$
	private static final String EXPECT = "-expect"; //$NON-NLS-1$

	@Override
	@NonNullByDefault({})
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		BundleContext bundleContext = FrameworkUtil.getBundle(getClass()).getBundleContext();
		List<String> failures = check(bundleContext.getBundles(), expected(args), System.out);
		System.out.println(failures.isEmpty() ? "installation check: OK" //$NON-NLS-1$
				: "installation check: FAILED (" + String.join(", ", failures) + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		return failures.isEmpty() ? IApplication.EXIT_OK : Integer.valueOf(1);
	}

	/** Bundle symbolic names given after {@code -expect}, comma separated. */
	static Set<String> expected(String[] args) {
		Set<String> names = new LinkedHashSet<>();
		List<String> list = args == null ? List.of() : Arrays.asList(args);
		int at = list.indexOf(EXPECT);
		if (at >= 0 && at + 1 < list.size()) {
			for (String name : list.get(at + 1).split(",")) { //$NON-NLS-1$
				if (!name.isBlank()) {
					names.add(name.trim());
				}
			}
		}
		return names;
	}

	/** Starts every KSM Studio bundle; returns the names of those that are missing or fail. */
	static List<String> check(Bundle[] bundles, Set<String> expected, PrintStream out) {
		List<String> failures = new ArrayList<>();
		Set<String> missing = new LinkedHashSet<>(expected);
		for (Bundle bundle : bundles) {
			String name = bundle.getSymbolicName();
			if (name == null || !name.startsWith(PREFIX) || isFragment(bundle)) {
				continue;
			}
			missing.remove(name);
			try {
				bundle.start(Bundle.START_TRANSIENT);
				if (bundle.getState() != Bundle.ACTIVE) {
					throw new BundleException("state " + bundle.getState()); //$NON-NLS-1$
				}
				out.println(name + " " + bundle.getVersion() + " ACTIVE"); //$NON-NLS-1$ //$NON-NLS-2$
			} catch (BundleException | RuntimeException e) {
				out.println(name + " " + bundle.getVersion() + " FAILED: " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
				failures.add(name);
			}
		}
		for (String name : missing) {
			out.println(name + " MISSING"); //$NON-NLS-1$
			failures.add(name);
		}
		return failures;
	}

	private static boolean isFragment(Bundle bundle) {
		BundleRevision revision = bundle.adapt(BundleRevision.class);
		return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
	}

	@Override
	public void stop() {
		// runs to completion in a moment; nothing to interrupt
	}
}
