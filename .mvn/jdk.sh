# Sourced (POSIX sh) by ./mvnw and ./examples so that the build and the examples run on the same JDK,
# whatever `java` is first on the PATH: sets and exports JAVA_HOME to a JDK 25 or newer, or stops with
# one line saying what is needed and where it was looked for. Order: JAVA_HOME, the PATH's java, then
# the usual install places (the first JDK 25 wins; a newer JDK is taken only when there is no 25).
# JTENSOR_JDK_DIRS (space-separated globs) replaces the list of install places.

jtensor_jdk_feature() { # the feature version of the JDK at $1 (25 for 25.0.3), or nothing if not a JDK
  if [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  fi
}

jtensor_select_jdk() {
  _jt_need=25
  _jt_exact=""
  _jt_newer=""
  _jt_seen=""
  _jt_consider() {
    [ -n "$1" ] || return 0
    _jt_v=$(jtensor_jdk_feature "$1")
    [ -n "$_jt_v" ] || return 0
    _jt_seen="${_jt_seen:+$_jt_seen, }$1 ($_jt_v)"
    if [ "$_jt_v" -eq "$_jt_need" ] && [ -z "$_jt_exact" ]; then
      _jt_exact=$1
    elif [ "$_jt_v" -gt "$_jt_need" ] && [ -z "$_jt_newer" ]; then
      _jt_newer=$1
    fi
  }
  _jt_consider "${JAVA_HOME-}"
  if [ -z "$_jt_exact" ] && command -v java >/dev/null 2>&1; then
    _jt_java=$(command -v java)
    _jt_java=$(readlink -f "$_jt_java" 2>/dev/null || printf %s "$_jt_java")
    _jt_consider "$(dirname "$(dirname "$_jt_java")")"
  fi
  if [ -z "$_jt_exact" ] && [ -x /usr/libexec/java_home ]; then
    _jt_consider "$(/usr/libexec/java_home -v "$_jt_need" 2>/dev/null || true)"
  fi
  _jt_dirs=${JTENSOR_JDK_DIRS:-"/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home $HOME/.sdkman/candidates/java/* $HOME/.jdks/* $HOME/.gradle/jdks/*"}
  if [ -z "$_jt_exact" ]; then
    case $- in *f*) _jt_noglob=1; set +f ;; *) _jt_noglob="" ;; esac
    for _jt_d in $_jt_dirs; do
      [ -n "$_jt_exact" ] || _jt_consider "$_jt_d"
    done
    [ -z "$_jt_noglob" ] || set -f
  fi
  _jt_home=${_jt_exact:-$_jt_newer}
  if [ -z "$_jt_home" ]; then
    echo "JTensor needs a JDK $_jt_need or newer and found none: looked at JAVA_HOME (${JAVA_HOME:-unset}), the PATH's java and $_jt_dirs (JDKs seen: ${_jt_seen:-none}); install one (e.g. Temurin $_jt_need) or set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME=$_jt_home
  export JAVA_HOME
}

jtensor_select_jdk
