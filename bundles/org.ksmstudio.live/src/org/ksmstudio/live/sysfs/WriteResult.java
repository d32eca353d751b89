package org.ksmstudio.live.sysfs;

/** The outcome of one write to a KSM tunable, named after the kernel's errno. */
public enum WriteResult {
	/** The kernel took the value. */
	OK,
	/** Out of range, or not allowed in the current mode; the old value stays. */
	EINVAL,
	/** Refused while KSM pages are shared (max_page_sharing, merge_across_nodes); the old value stays. */
	EBUSY,
	/** Permission denied: writing needs root. */
	EACCES,
	/** The file does not exist on this kernel. */
	ENOENT,
	/** Any other I/O error. */
	ERROR;

	/** The name used in the reference format ({@code ok}, {@code EINVAL}, ...). */
	public String referenceName() {
		return this == OK ? "ok" : name();
	}
}
