#!/usr/bin/env bash
# Benchmark report: builds tensor-bench/target/benchmarks.jar when it is missing or older than the
# sources (and the JVM peers' tensor-bench/target/peers/benchmarks-peers.jar, Maven profile `peers`,
# when asked for with --peers or already built), runs the JMH benchmarks, their NumPy/PyTorch twins
# and their DJL/ND4J twins back to back in three passes, and writes docs/benchmarks.md with its charts.
#
#   bash tensor-bench/scripts/report.sh --peers    # full run with DJL and ND4J (about an hour on 2 cores)
#   bash tensor-bench/scripts/report.sh --no-peers # full run without them (about 40 minutes)
#   bash tensor-bench/scripts/report.sh --quick    # smoke run, writes tensor-bench/target/report-quick/
#   bash tensor-bench/scripts/report.sh --only 'matmul' --sizes 512,1024   # partial runs write there too
#   (other options: python3 tensor-bench/scripts/report.py --help)
#
# The first --peers build downloads DJL, libtorch's CPU jar and ND4J from Maven Central (about 250 MB,
# kept in the local Maven repository); a build without the profile never needs them.
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
peers=auto
peers_jar=tensor-bench/target/peers/benchmarks-peers.jar
prev=""
for a in "$@"; do
  case "$a" in
    -quick|--quick) args+=(--quick) ;;
    --peers) peers=yes; args+=("$a") ;;
    --no-peers) peers=no; args+=("$a") ;;
    --peers-jar=*) peers_jar="${a#--peers-jar=}"; args+=("$a") ;;
    *) args+=("$a") ;;
  esac
  if [[ "$prev" == "--peers-jar" ]]; then peers_jar="$a"; fi
  prev="$a"
done

# Prints why the jar $1 needs building (missing, or older than the sources), or nothing; $2 is a
# path pattern of sources that do not go into it.
stale() {
  if [[ ! -f "$1" ]]; then
    echo "missing"
  elif [[ -n "$(find pom.xml tensor-core tensor-ops tensor-bench -newer "$1" \( -name '*.java' -o -name 'pom.xml' \) -not -path '*/target/*' -not -path "${2:-/no-exclusion}" -print -quit)" ]]; then
    echo "older than the sources"
  fi
}

jar=tensor-bench/target/benchmarks.jar
why="$(stale "$jar" '*/src/peers/*')"
if [[ -n "$why" ]]; then
  echo "[report] building $jar ($why)" >&2
  # Offline first (the usual case once dependencies are cached), online if something is missing.
  ./mvnw -q -o package -pl tensor-bench -am -DskipTests || ./mvnw -q package -pl tensor-bench -am -DskipTests
fi
# The peers' jar: built when asked for (--peers), rebuilt when it exists and is stale (unless
# --no-peers); a jar given with --peers-jar is used as it is.
if [[ "$peers_jar" == tensor-bench/target/peers/benchmarks-peers.jar && ( "$peers" == yes || ( "$peers" == auto && -f "$peers_jar" ) ) ]]; then
  why="$(stale "$peers_jar")"
  if [[ -n "$why" ]]; then
    echo "[report] building $peers_jar ($why)" >&2
    ./mvnw -q -o -Ppeers package -pl tensor-bench -am -DskipTests || ./mvnw -q -Ppeers package -pl tensor-bench -am -DskipTests
  fi
fi

exec "${PYTHON:-python3}" tensor-bench/scripts/report.py --java "$java" \
  --numpy-python "${PYTHON:-python3}" --torch-python "${TORCH_PYTHON:-/usr/bin/python3}" "${args[@]}"
