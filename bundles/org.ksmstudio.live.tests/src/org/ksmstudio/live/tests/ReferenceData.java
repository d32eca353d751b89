package org.ksmstudio.live.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the kernel reference files that the engine bundle ships, from the test bundle's directory. */
final class ReferenceData {

	private ReferenceData() {
	}

	static Path kernelReference() {
		String configured = System.getProperty("ksmstudio.kernelReference");
		if (configured != null) {
			return Path.of(configured);
		}
		for (Path candidate : new Path[] { Path.of("../org.ksmstudio.engine/data/kernel-reference.json"),
				Path.of("bundles/org.ksmstudio.engine/data/kernel-reference.json") }) {
			if (Files.exists(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("kernel-reference.json not found from " + Path.of("").toAbsolutePath()
				+ " (set -Dksmstudio.kernelReference)");
	}

	/** The format-2 file of the engine bundle, beside {@link #kernelReference()}. */
	static Path shapesReference() {
		return kernelReference().resolveSibling("kernel-reference-shapes.json");
	}

	/** The format-2 file of transparent huge pages and pinned pages, beside {@link #kernelReference()}. */
	static Path hugeAndPinnedReference() {
		return kernelReference().resolveSibling("kernel-reference-huge-and-pinned.json");
	}
}
