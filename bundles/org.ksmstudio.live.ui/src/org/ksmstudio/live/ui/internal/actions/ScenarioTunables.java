package org.ksmstudio.live.ui.internal.actions;

import java.util.EnumMap;
import java.util.Map;

import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.scenario.ScenarioReplayConverter;
import org.ksmstudio.model.scenario.KsmConfig;

/** A scenario's KSM configuration as the sysfs values that reproduce it. */
public final class ScenarioTunables {

	private ScenarioTunables() {
	}

	/** Every tunable of {@code ksm}, run included, as written to /sys/kernel/mm/ksm. */
	public static Map<KsmSysfsFile, String> of(KsmConfig ksm) {
		Map<KsmSysfsFile, String> values = new EnumMap<>(KsmSysfsFile.class);
		values.putAll(ScenarioReplayConverter.tunables(ScenarioConverter.tunables(ksm)));
		values.put(KsmSysfsFile.RUN, Integer.toString(ksm.getRun()));
		return values;
	}
}
