#!/usr/bin/env bash
# Benchmark report: builds tensor-bench/target/benchmarks.jar when it is missing or older than the
# sources, runs the JMH benchmarks and their NumPy/PyTorch twins back to back, and writes
# docs/benchmarks.md with its charts.
#
#   bash tensor-bench/scripts/report.sh            # full run (about 15-25 minutes on 2 cores)
#   bash tensor-bench/scripts/report.sh -quick     # smoke run, writes tensor-bench/target/report-quick/
#   bash tensor-bench/scripts/report.sh --only 'matmul'   # other options: see report.py --help
#
# Environment: JAVA_HOME (default: the Temurin 25 JDK if installed), PYTHON (NumPy, default python3),
# TORCH_PYTHON (PyTorch, default /usr/bin/python3).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

args=()
for a in "$@"; do
  case "$a" in
    -quick|--quick) args+=(--quick) ;;
    *) args+=("$a") ;;
  esac
done

jar=tensor-bench/target/benchmarks.jar
stale=""
if [[ ! -f "$jar" ]]; then
  stale="missing"
elif [[ -n "$(find pom.xml tensor-core tensor-ops tensor-bench -newer "$jar" \( -name '*.java' -o -name 'pom.xml' \) -not -path '*/target/*' -print -quit)" ]]; then
  stale="older than the sources"
fi
if [[ -n "$stale" ]]; then
  echo "[report] building $jar ($stale)" >&2
  # Offline first (the usual case once dependencies are cached), online if something is missing.
  ./mvnw -q -o package -pl tensor-bench -am -DskipTests || ./mvnw -q package -pl tensor-bench -am -DskipTests
fi

exec "${PYTHON:-python3}" tensor-bench/scripts/report.py --java "$java" \
  --numpy-python "${PYTHON:-python3}" --torch-python "${TORCH_PYTHON:-/usr/bin/python3}" "${args[@]}"
