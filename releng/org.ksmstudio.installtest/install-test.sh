#!/usr/bin/env bash
# Install test: the p2 director of a fresh plain Eclipse platform installation installs
# org.ksmstudio.feature.feature.group from the built update site into that installation,
# which then starts headless and checks that every org.ksmstudio bundle resolves and activates.
#
#   install-test.sh PLATFORM_DIR SITE_REPOSITORY_DIR FEATURE_XML WORK_DIR
#
# PLATFORM_DIR is copied into WORK_DIR first, so the materialized platform stays pristine.
set -euo pipefail
platform=$1 site=$2 feature_xml=$3 work=$4
java="${JAVA_HOME:?JAVA_HOME must name a JDK 21+}/bin/java"

rm -rf "$work"
mkdir -p "$work/home"
cp -a "$platform" "$work/eclipse"
eclipse="$work/eclipse"
launcher=$(ls "$eclipse"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
run() {
  # a temporary home: nothing is written to the real one
  (cd "$work" && HOME="$work/home" "$java" -Duser.home="$work/home" -Xmx512m -jar "$launcher" -nosplash -consoleLog "$@")
}

profile=$(ls "$eclipse/p2/org.eclipse.equinox.p2.engine/profileRegistry" | sed -n 's/\.profile$//p' | head -n 1)
echo "[install-test] director: installing org.ksmstudio.feature.feature.group from $site into profile $profile"
run -application org.eclipse.equinox.p2.director \
  -repository "file:$site" \
  -installIU org.ksmstudio.feature.feature.group \
  -destination "$eclipse" -profile "$profile" \
  -p2.os linux -p2.ws gtk -p2.arch x86_64 \
  > "$work/director.log" 2>&1 || { cat "$work/director.log"; echo "[install-test] FAILED: p2 director"; exit 1; }
tail -n 3 "$work/director.log"

expected=$(sed -n 's/.*<plugin[^>]*id="\(org\.ksmstudio[^"]*\)".*/\1/p' "$feature_xml" | paste -sd, -)
echo "[install-test] headless start, expecting $expected"
run -data "$work/workspace" -application org.ksmstudio.core.installationCheck -expect "$expected" \
  > "$work/check.log" 2>&1 || { cat "$work/check.log"; echo "[install-test] FAILED: bundles did not all resolve and activate"; exit 1; }
cat "$work/check.log"
grep -q '^installation check: OK$' "$work/check.log" || { echo "[install-test] FAILED: no success line"; exit 1; }
echo "[install-test] OK"
