# Sourced by mvnw, ksmstudio and .ci/run: prints the home of a JDK 21 or newer.
# Order: $JAVA_HOME, the build JDK /usr/lib/jvm/temurin-25-jdk-amd64, then any /usr/lib/jvm/*.
# Prints nothing when none is found.

ksm_jdk_major() {
  # Feature version of the JDK at $1, read from its release file (no JVM start).
  [ -x "$1/bin/java" ] || return 1
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  if [ -z "$v" ]; then
    v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  fi
  [ -n "$v" ] && echo "$v"
}

ksm_find_jdk() {
  case $- in *f*) set +f; ksm_noglob=1 ;; *) ksm_noglob= ;; esac
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] || continue
    major=$(ksm_jdk_major "$candidate") || continue
    if [ "${major:-0}" -ge 21 ] && [ -x "$candidate/bin/javac" -o -x "$candidate/bin/java" ]; then
      echo "$candidate"
      [ -z "$ksm_noglob" ] || set -f
      return 0
    fi
  done
  [ -z "$ksm_noglob" ] || set -f
  return 1
}
