#!/usr/bin/env bash
# Regenerates the EMF code of org.ksmstudio.model and org.ksmstudio.model.edit from
# bundles/org.ksmstudio.model/model/ksmstudio.ecore (the genmodel is derived from it), outside OSGi.
#
#   releng/org.ksmstudio.codegen/regenerate.sh          regenerate into the bundles
#   releng/org.ksmstudio.codegen/regenerate.sh --check  exit 1 if the committed generated code is out of date
#
# Runs the plain Maven project beside this script (not part of the Tycho reactor) with JDK 21+.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
mvn_cmd=(mvn)
if [[ -x "$root/mvnw" ]]; then
  mvn_cmd=("$root/mvnw")
fi
args=""
for a in "$@"; do
  case "$a" in
    --check) args="--check" ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
  esac
done
exec "${mvn_cmd[@]}" -q -B -f "$here/pom.xml" compile exec:java "-Drepo.root=$root" "-Dcodegen.args=$args"
