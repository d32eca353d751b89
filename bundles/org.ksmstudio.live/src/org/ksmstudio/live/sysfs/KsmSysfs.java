package org.ksmstudio.live.sysfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.Messages;

/**
 * Reads the running kernel's {@code /sys/kernel/mm/ksm}. Never writes (see
 * {@link KsmSysfsWriter}). The directory is configurable so that tests can point it at
 * a fake tree.
 */
public final class KsmSysfs {

	/** Where the kernel exposes KSM. */
	public static final Path DEFAULT_DIRECTORY = Path.of("/sys/kernel/mm/ksm");

	private final Path directory;

	/** A reader of the KSM directory {@code directory} (normally {@link #DEFAULT_DIRECTORY}). */
	public KsmSysfs(Path directory) {
		this.directory = directory;
	}

	/** A reader of this machine's {@code /sys/kernel/mm/ksm}. */
	public static KsmSysfs system() {
		return new KsmSysfs(DEFAULT_DIRECTORY);
	}

	/** The KSM directory read. */
	public Path directory() {
		return directory;
	}

	/** The path of one file. */
	public Path path(KsmSysfsFile file) {
		return directory.resolve(file.fileName());
	}

	/** Whether KSM exists and whether this process may write its tunables. */
	public KsmAccess access() {
		if (!Files.isDirectory(directory)) {
			return new KsmAccess(KsmAccess.Level.ABSENT, NLS.bind(Messages.KSM_ABSENT, directory));
		}
		if (Files.isWritable(path(KsmSysfsFile.RUN))) {
			return new KsmAccess(KsmAccess.Level.WRITABLE, NLS.bind(Messages.KSM_WRITABLE, directory));
		}
		return new KsmAccess(KsmAccess.Level.READ_ONLY, NLS.bind(Messages.KSM_READ_ONLY, directory));
	}

	/** The known files present on this kernel. */
	public Set<KsmSysfsFile> presentFiles() {
		EnumSet<KsmSysfsFile> present = EnumSet.noneOf(KsmSysfsFile.class);
		for (KsmSysfsFile file : KsmSysfsFile.values()) {
			if (Files.isRegularFile(path(file))) {
				present.add(file);
			}
		}
		return present;
	}

	/** The known files this kernel lacks (all of them when KSM is absent). */
	public Set<KsmSysfsFile> missingFiles() {
		EnumSet<KsmSysfsFile> missing = EnumSet.allOf(KsmSysfsFile.class);
		missing.removeAll(presentFiles());
		return missing;
	}

	/** A sentence per missing file, for the user. */
	public List<String> missingFileMessages() {
		List<String> messages = new ArrayList<>();
		for (KsmSysfsFile file : missingFiles()) {
			messages.add(NLS.bind(Messages.FILE_MISSING, file.fileName()));
		}
		return messages;
	}

	/** Files of this kernel's KSM directory that KSM Studio does not know (newer kernels). */
	public List<String> unknownFiles() throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(p -> p.getFileName().toString()).filter(n -> KsmSysfsFile.byName(n).isEmpty()).sorted()
					.toList();
		}
	}

	/**
	 * The normalized value of one file.
	 *
	 * @throws KsmUnavailableException when the file is missing or cannot be read
	 */
	public String read(KsmSysfsFile file) throws KsmUnavailableException {
		try {
			return file.normalize(Files.readString(path(file)));
		} catch (NoSuchFileException e) {
			throw new KsmUnavailableException(NLS.bind(
					Files.isDirectory(directory) ? Messages.FILE_MISSING : Messages.KSM_ABSENT,
					Files.isDirectory(directory) ? file.fileName() : directory.toString()), e);
		} catch (IOException e) {
			throw new KsmUnavailableException(NLS.bind(Messages.FILE_UNREADABLE, path(file), e.getMessage()), e);
		}
	}

	/** The value of one file as a number (see {@link KsmSysfsFile#toNumber(String)}). */
	public long readNumber(KsmSysfsFile file) throws KsmUnavailableException {
		String text = read(file);
		try {
			return file.toNumber(text);
		} catch (NumberFormatException e) {
			throw new KsmUnavailableException(
					NLS.bind(Messages.FILE_UNREADABLE, path(file), "unexpected content '" + text + "'"), e);
		}
	}

	/**
	 * Reads every present file of {@code files}; missing files are left out of the sample.
	 *
	 * @throws KsmUnavailableException when KSM is absent
	 */
	public KsmSample sample(Set<KsmSysfsFile> files) throws KsmUnavailableException {
		if (!Files.isDirectory(directory)) {
			throw new KsmUnavailableException(NLS.bind(Messages.KSM_ABSENT, directory));
		}
		long nanos = System.nanoTime();
		Instant wall = Instant.now();
		Map<KsmSysfsFile, String> values = new EnumMap<>(KsmSysfsFile.class);
		for (KsmSysfsFile file : files) {
			try {
				values.put(file, file.normalize(Files.readString(path(file))));
			} catch (IOException e) {
				// missing on this kernel, or vanished: the sample simply lacks it
			}
		}
		return new KsmSample(nanos, wall, values);
	}

	/** Reads every known file present on this kernel. */
	public KsmSample sample() throws KsmUnavailableException {
		return sample(EnumSet.allOf(KsmSysfsFile.class));
	}
}
