#!/usr/bin/env python3
"""Runs JTensor's JMH benchmarks, their NumPy/PyTorch twins and their DJL/ND4J twins, and writes docs/benchmarks.md.

Usually started by report.sh (which builds the jars first). Standard library only: the charts are
SVG files written here, next to the markdown.

Each benchmark group runs as JMH (one fork, with -prof gc), right after it as its anchors
(anchors.py, NumPy under `--numpy-python`, PyTorch under `--torch-python`), then as its JVM peers
(DJL and ND4J, JMH from the peers jar that `./mvnw -Ppeers` builds), so that a change of load on a
shared machine hits all sides of a comparison alike. The whole sequence runs in three passes (matmul
included); every side is summarised the same way: the median of its per-pass scores (a pass's score
is the mean of its measured iterations, as JMH scores it) with their [min-max]. Benchmarks that
miss their target are then run once more under JMH's JFR profiler, and the report shows where their
time goes.
"""

import argparse
import datetime
import html
import json
import math
import os
import platform
import re
import shlex
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PKG = "dev.jtensor.bench."
MATMUL_SIZES = [128, 256, 512, 1024, 2048]
QUICK_MATMUL_SIZES = [128, 256, 512]
TORCH_MATMUL_MAX_N = 512
PROFILE_TOP = 10
PEERS_JAR = os.path.join(ROOT, "tensor-bench", "target", "peers", "benchmarks-peers.jar")
PEER_PKG = PKG + "peers."
# The JVM peers: report key -> (name, JMH class in the peers jar).
PEER_LIBS = {"djl": ("DJL", "DjlBench"), "nd4j": ("ND4J", "Nd4jBench")}
# JTensor benchmark -> the method of DjlBench and Nd4jBench that mirrors it.
PEER_TWINS = {
    "MatmulBench.matmul": "matmul",
    "ElementwiseBench.addBroadcast": "addBroadcast",
    "ReductionBench.sumDim1": "sumDim1",
    "SoftmaxBench.softmaxDim1": "softmaxDim1",
    "EmbeddingBench.gather": "gather",
    "MlpStepBench.step": "mlpStep",
    "TinyOpBench.add2x2": "add2x2",
}
LIB_NAMES = {"jtensor": "JTensor", "numpy": "NumPy", "torch": "PyTorch", "djl": "DJL", "nd4j": "ND4J"}


class Target:
    """A speed target: JTensor's speed over the anchor's (anchor time / JTensor time) >= min_ratio,
    and over each JVM peer's in `peers` (lib -> minimum ratio) where that peer was measured."""

    def __init__(self, anchor, min_ratio, text, applies=lambda params: True, peers=None):
        self.anchor = anchor
        self.min_ratio = min_ratio
        self.peers = peers or {}
        self.base_text = text
        self.text = text + "".join(f", >= {v:.1f}x {LIB_NAMES[k]}" for k, v in self.peers.items())
        self.applies = applies


TARGETS = {
    "MatmulBench.matmul": Target("numpy", 0.9, ">= 0.9x NumPy's GFLOP/s (n 256..2048)",
                                 lambda p: 256 <= int(p["n"]) <= 2048),
    "ElementwiseBench.addBroadcast": Target("torch", 1.0, ">= 1.0x PyTorch", peers={"djl": 1.0}),
    # The issue sets the addBroadcast target; the out= variant is held to the same bar.
    "ElementwiseBench.addBroadcastInto": Target("torch", 1.0, ">= 1.0x PyTorch (as addBroadcast)"),
    "ReductionBench.sumDim1": Target("torch", 1.0, ">= 1.0x PyTorch", peers={"djl": 1.0}),
    "SoftmaxBench.softmaxDim1": Target("torch", 1.5, ">= 1.5x PyTorch", peers={"djl": 1.2}),
    "EmbeddingBench.gather": Target("torch", 1.0, ">= 1.0x PyTorch", peers={"djl": 1.0}),
    "CrossEntropyBench.forwardBackward": Target("torch", 1.5, ">= 1.5x PyTorch"),
    # "Keep their lead" over the JVM peers.
    "MlpStepBench.step": Target("torch", 2.0, ">= 2x PyTorch's steps/s", peers={"djl": 1.0, "nd4j": 1.0}),
    "TinyOpBench.add2x2": Target("torch", 4.0, "<= 1/4 of PyTorch's time per op", peers={"djl": 1.0, "nd4j": 1.0}),
    "RandomBench.randn1M": Target("torch", 1.0, ">= 1.0x PyTorch"),
}

DESCRIPTIONS = {
    "MatmulBench.matmul": "float32 [n, n] @ [n, n]",
    "ElementwiseBench.addBroadcast": "[4096, 1024] + [1024], new output",
    "ElementwiseBench.addBroadcastInto": "[4096, 1024] + [1024] into an existing output",
    "ReductionBench.sumDim1": "[4096, 1024].sum(dim=1, keepdim=True)",
    "SoftmaxBench.softmaxDim1": "softmax of [4096, 1024] over dim 1",
    "EmbeddingBench.gather": "table [50000, 256] indexed by int64 [64, 128]",
    "CrossEntropyBench.forwardBackward": "cross-entropy of [4096, 1000] logits (mean), forward + backward",
    "MlpStepBench.step": "one makemore MLP training step, batch 32",
    "TinyOpBench.add2x2": "2x2 + 2x2 (dispatch overhead)",
    "RandomBench.randn1M": "randn(1_000_000)",
    "AllocBench.empty4096x1024": "baseline: a new [4096, 1024] float32 tensor, no kernel",
}


# Benchmarks of the issue that the jar may lack, and why (shown instead of the generic reason).
NOT_WRITTEN = {}


class Group:
    """Benchmarks run together: one JMH invocation, then the anchors of the same operations."""

    def __init__(self, name, benchmarks, anchors, jmh_params=None):
        self.name = name
        self.benchmarks = benchmarks
        self.anchors = anchors  # (lib, anchors.py group, threads[, largest matmul n])
        self.jmh_params = jmh_params or {}


def groups(sizes):
    gs = []
    for t in (1, 2):
        gs.append(Group(f"matmul-t{t}", ["MatmulBench.matmul"],
                        # PyTorch's matmul is shown for reference only, up to n=512: the Debian build
                        # here uses the reference BLAS (~1.5 GFLOP/s), so larger n would take minutes.
                        [("numpy", "matmul", t), ("torch", "matmul", t, TORCH_MATMUL_MAX_N)],
                        {"threads": [t], "n": sizes}))
    gs += [
        Group("elementwise", ["ElementwiseBench.addBroadcast", "ElementwiseBench.addBroadcastInto"],
              [("torch", "elementwise", 1)]),
        Group("reduction", ["ReductionBench.sumDim1"], [("torch", "reduction", 1)]),
        Group("softmax", ["SoftmaxBench.softmaxDim1"], [("torch", "softmax", 1)]),
        Group("embedding", ["EmbeddingBench.gather"], [("torch", "embedding", 1)]),
        Group("crossentropy", ["CrossEntropyBench.forwardBackward"], [("torch", "crossentropy", 1)]),
        Group("mlp", ["MlpStepBench.step"], [("torch", "mlp", 1)]),
        Group("tinyop", ["TinyOpBench.add2x2"], [("torch", "tinyop", 1)]),
        Group("random", ["RandomBench.randn1M"], [("torch", "random", 1)]),
        Group("alloc", ["AllocBench.empty4096x1024"], [("torch", "alloc", 1)]),
    ]
    return gs


def log(msg):
    print(f"[report {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run(cmd, env=None, timeout=None):
    """Runs cmd, returning (returncode, stdout, stderr); a missing program is returncode 127."""
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except FileNotFoundError as e:
        return 127, "", str(e)
    except subprocess.TimeoutExpired as e:
        return 124, e.stdout or "", f"timed out after {timeout} s"


# ---------------------------------------------------------------------------------------- machine

def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def load_snapshot():
    """The load averages and the busiest processes, as `uptime` and `top` show them."""
    loadavg = read("/proc/loadavg").split()[:3]
    rc, out, _ = run(["top", "-bn1", "-w", "200"], timeout=20)
    busy = []
    if rc == 0:
        lines = out.splitlines()
        header = next((i for i, l in enumerate(lines) if l.strip().startswith("PID")), None)
        if header is not None:
            for l in lines[header + 1:header + 8]:
                cols = l.split(None, 11)
                if len(cols) >= 12:
                    try:
                        cpu = float(cols[8].replace(",", "."))
                    except ValueError:
                        continue
                    if cpu >= 10:
                        busy.append(f"{cols[11][:40]} {cpu:.0f}%")
    return {"loadavg": [float(v) for v in loadavg] if loadavg else None, "busy": busy,
            "time": time.strftime("%H:%M:%S"), "cpu": cpu_counters()}


def cpu_counters():
    """Machine-wide busy and stolen CPU seconds (/proc/stat) and this process tree's own CPU seconds.

    The difference between two snapshots tells how much CPU time other work took during the run:
    the load average cannot, since it counts the benchmarks themselves.
    """
    fields = read("/proc/stat").splitlines()[0].split()[1:] if read("/proc/stat") else []
    if len(fields) < 8:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    t = os.times()
    return {"busy": (user + nice + system + irq + softirq) / tick, "steal": steal / tick,
            "own": t.user + t.system + t.children_user + t.children_system, "wall": time.time()}


def other_cpu(before, after, cores):
    """Share of the machine's CPU capacity used by other work (and stolen) between two snapshots."""
    b, a = (before or {}).get("cpu"), (after or {}).get("cpu")
    if not b or not a or a["wall"] <= b["wall"]:
        return None
    capacity = (a["wall"] - b["wall"]) * cores
    others = max(0.0, (a["busy"] - b["busy"]) - (a["own"] - b["own"]))
    return {"others": others / capacity, "steal": max(0.0, a["steal"] - b["steal"]) / capacity}


def machine_info(java):
    cpuinfo = read("/proc/cpuinfo")
    model = re.search(r"^model name\s*:\s*(.*)$", cpuinfo, re.M)
    flags = re.search(r"^flags\s*:\s*(.*)$", cpuinfo, re.M)
    simd = [f for f in ("avx2", "fma", "avx512f") if flags and f in flags.group(1).split()]
    mem = re.search(r"^MemTotal:\s*(\d+) kB", read("/proc/meminfo"), re.M)
    rc, _, err = run([java, "-version"])
    jdk = " ".join(l.strip() for l in err.splitlines()[:2]) if rc == 0 else f"unavailable ({err.strip()})"
    return {
        "cpu": model.group(1).strip() if model else platform.processor() or "unknown",
        "simd": simd,
        "cores": os.cpu_count(),
        "memory_gib": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
        "os": f"{platform.system()} {platform.release()}",
        "jdk": jdk,
    }


def python_info(python, lib):
    code = {
        "numpy": "import numpy, sys; c = numpy.show_config(mode='dicts') if hasattr(numpy, 'show_config') else {};"
                 "b = (c or {}).get('Build Dependencies', {}).get('blas', {});"
                 "print(sys.version.split()[0], numpy.__version__, b.get('name', '?'), b.get('version', '?'))",
        # The BLAS library actually loaded (found in the process's memory map after a product): it
        # decides PyTorch's matmul speed, and distribution builds may link the reference BLAS.
        "torch": "import torch, sys, re; torch.ones(64, 64) @ torch.ones(64, 64);"
                 "blas = sorted({l.split()[-1] for l in open('/proc/self/maps') if re.search(r'blas', l.split()[-1] if len(l.split()) > 5 else '')});"
                 "info = re.search(r'BLAS_INFO=([^,]*)', torch.__config__.show());"
                 "print(sys.version.split()[0], torch.__version__, 'BLAS_INFO=' + (info.group(1) if info else '?'),"
                 " ' '.join(blas) or 'no BLAS library mapped')",
    }[lib]
    rc, out, err = run([python, "-c", code], timeout=120)
    if rc != 0:
        last = (err.strip().splitlines() or ["not runnable"])[-1]
        return {"available": False, "reason": f"{python}: {last}"}
    parts = out.split()
    if lib == "numpy":
        return {"available": True, "python": python, "text": f"NumPy {parts[1]} ({parts[2]} {parts[3]}) on Python {parts[0]} ({python})"}
    return {"available": True, "python": python,
            "text": f"PyTorch {parts[1]} on Python {parts[0]} ({python}); {parts[2]}, BLAS library: {' '.join(parts[3:])}"}


def git_commit():
    rc, out, _ = run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    if rc != 0:
        return "unknown"
    # The pages this script writes (docs/) do not make the measured code "changed".
    rc2, status, _ = run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no", "--", ".", ":!docs"])
    return out.strip() + (" (with uncommitted changes)" if status.strip() else "")


# ------------------------------------------------------------------------------------------- runs

def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


UNIT_TO_US = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3, "s/op": 1e6}


def params_key(params):
    return tuple(sorted((k, str(v)) for k, v in params.items()))


def jmh_run(args, benchmarks, params, json_path, extra=(), jar=None, env=None):
    """One JMH invocation of `benchmarks` (names below dev.jtensor.bench.) from `jar` (default: the
    JTensor benchmarks' jar); returns (JMH's JSON results, stdout, exit code)."""
    pattern = "^" + re.escape(PKG) + "(" + "|".join(re.escape(b) for b in benchmarks) + ")$"
    # No JVM options for the host JVM: JMH's forks inherit them, on top of the benchmarks' own.
    cmd = [args.java, "-jar", jar or args.jar, pattern,
           "-f", str(args.forks), "-wi", str(args.warmup), "-w", args.iter_time,
           "-i", str(args.iters), "-r", args.iter_time, "-rf", "json", "-rff", json_path]
    for k, vs in params.items():
        cmd += ["-p", f"{k}={','.join(str(v) for v in vs)}"]
    cmd += list(extra)
    log("jmh " + " ".join(shlex.quote(c) for c in cmd[2:]))
    if os.path.exists(json_path):
        os.remove(json_path)
    rc, out, err = run(cmd, env=env)
    results = []
    if os.path.exists(json_path) and os.path.getsize(json_path) > 0:
        with open(json_path) as f:
            results = json.load(f)
    if rc != 0:
        log(f"JMH exited with {rc}: {(err or out).strip()[-800:]}")
    return results, out, rc


def jmh_results(data):
    out = {}
    for r in data:
        name = r["benchmark"][len(PKG):] if r["benchmark"].startswith(PKG) else r["benchmark"]
        pm = r["primaryMetric"]
        scale = UNIT_TO_US[pm["scoreUnit"]]
        raw = [v * scale for fork in pm["rawData"] for v in fork]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        gc_time = r.get("secondaryMetrics", {}).get("gc.time", {}).get("score")
        out[(name, params_key(r.get("params", {})))] = {
            "raw_us": raw, "alloc_bytes": alloc if isinstance(alloc, (int, float)) else None,
            "gc_ms": gc_time if isinstance(gc_time, (int, float)) else None,
            "jdk": r.get("jdkVersion"), "vm": r.get("vmVersion"), "jvm_args": r.get("jvmArgs")}
    return out


def thread_env(threads):
    """The environment with the BLAS and OpenMP pools' thread counts set: they read these once, when
    the library loads, so they are set before the process (Python, or JMH and its forks) starts."""
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = str(threads)
    return env


def peer_run(args, lib, group, tmpdir, pass_no):
    """The DJL or ND4J twins of `group`'s benchmarks: one JMH run from the peers jar, with the group's
    thread count in the environment too (libnd4j reads OMP_NUM_THREADS only when it loads).
    Returns ({(JTensor benchmark, params key): result}, error text or None)."""
    twins = {PEER_TWINS[b]: b for b in group.benchmarks if b in PEER_TWINS}
    if not twins:
        return {}, None
    cls = PEER_LIBS[lib][1]
    threads = int(group.jmh_params.get("threads", [1])[0])
    data, out, rc = jmh_run(args, [f"peers.{cls}.{m}" for m in twins], group.jmh_params,
                            os.path.join(tmpdir, f"jmh-{lib}-{group.name}-{pass_no}.json"),
                            jar=args.peers_jar, env=thread_env(threads))
    results = {}
    for (name, pk), r in jmh_results(data).items():
        method = name.rsplit(".", 1)[-1]
        if method in twins:
            results[(twins[method], pk)] = r
    error = None
    if len(results) < len(twins) or rc != 0:
        error = next((l.strip() for l in out.splitlines() if "Exception" in l or "Error:" in l),
                     f"JMH exit code {rc}")
    return results, error


def peers_info(jar):
    """What the peers jar holds (versions from the file names in its lib/), or why it is unusable."""
    if not jar or not os.path.exists(jar):
        reason = (f"{jar} is missing: run `bash tensor-bench/scripts/report.sh --peers` (builds it with "
                  "`./mvnw -Ppeers package -pl tensor-bench -am -DskipTests`)")
        return {lib: {"available": False, "reason": reason} for lib in PEER_LIBS}
    libs = os.listdir(os.path.join(os.path.dirname(jar), "lib")) if os.path.isdir(
        os.path.join(os.path.dirname(jar), "lib")) else []

    def version(prefix):
        # The shortest such name is the jar without a platform classifier, where there are both.
        names = sorted((m.group(1) for m in (re.match(re.escape(prefix) + r"-(\d.*)\.jar$", f) for f in libs) if m),
                       key=len)
        return re.sub(r"-linux-x86_64$", "", names[0]) if names else "?"

    natives = [f for f in libs if f.startswith("pytorch-native-cpu-")]
    native = re.sub(r"^pytorch-native-cpu-|\.jar$", "", natives[0]) if natives else "?"
    return {
        "djl": {"available": True, "jar": jar,
                "text": f"DJL {version('api')} with its PyTorch engine {version('pytorch-engine')}, "
                        f"libtorch {native} (its pytorch-native-cpu jar, nothing downloaded at run time), "
                        f"JNI {version('pytorch-jni')}; from {os.path.relpath(jar, ROOT)}"},
        "nd4j": {"available": True, "jar": jar,
                 "text": f"ND4J nd4j-native {version('nd4j-native')} with OpenBLAS {version('openblas')} "
                         f"(JavaCPP {version('javacpp')}), linux-x86_64 jars; from {os.path.relpath(jar, ROOT)}"},
    }


def anchor_run(args, lib, group, threads, sizes):
    python = args.numpy_python if lib == "numpy" else args.torch_python
    env = thread_env(threads)
    cmd = [python, os.path.join(HERE, "anchors.py"), "--lib", lib, "--group", group,
           "--threads", str(threads), "--sizes", ",".join(str(s) for s in sizes),
           "--warmup", str(args.warmup), "--iters", str(args.iters),
           "--time", str(parse_seconds(args.iter_time))]
    log(f"{lib} {group} threads={threads}")
    rc, out, err = run(cmd, env=env)
    results, missing = {}, None
    for line in out.splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if r.get("missing"):
            missing = r["reason"]
        else:
            results[(r["benchmark"], params_key(r["params"]))] = r
    if rc != 0 and not results:
        missing = missing or f"{python} failed ({rc}): {(err.strip().splitlines() or ['?'])[-1]}"
    return results, missing


def parse_seconds(s):
    m = re.fullmatch(r"([\d.]+)\s*(ms|s)?", s)
    if not m:
        raise SystemExit(f"bad iteration time {s!r}: use e.g. 1s or 500ms")
    v = float(m.group(1))
    return v / 1000 if m.group(2) == "ms" else v


def profile(args, name, params, tmpdir):
    """Where one benchmark spends its time: JMH's JFR profiler (execution samples taken between
    safepoints too, unlike JMH's stack profiler) on the threads that do the work (the JMH worker
    and JTensor's pool), grouped two ways: by the library call the benchmark method made, and by
    the top frame. Returns text, or None."""
    safe = re.sub(r"[^A-Za-z0-9]+", "_", name + "_" + "_".join(f"{k}{v}" for k, v in params))
    jfr_dir = os.path.join(tmpdir, "jfr-" + safe)
    jmh_run(args, [name], {k: [v] for k, v in params}, os.path.join(tmpdir, f"profile-{safe}.json"),
            ["-prof", f"jfr:dir={jfr_dir}"])
    recordings = [os.path.join(d, f) for d, _, fs in os.walk(jfr_dir) for f in fs if f.endswith(".jfr")]
    jfr = os.path.join(os.path.dirname(args.java), "jfr")
    if not recordings or not os.path.exists(jfr):
        return None
    rc, out, _ = run([jfr, "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "64",
                      recordings[0]])
    if rc != 0:
        return None
    try:
        events = json.loads(out)["recording"]["events"]
    except (ValueError, KeyError):
        return None
    bench_method = PKG + name
    by_call, by_top = {}, {}
    for e in events:
        thread = (e["values"].get("sampledThread") or {}).get("javaName") or ""
        if "jmh-worker" not in thread and not thread.startswith("jtensor"):
            continue
        frames = [f'{f["method"]["type"]["name"].replace("/", ".")}.{f["method"]["name"]}'
                  for f in (e["values"].get("stackTrace") or {}).get("frames") or []]
        if not frames:
            continue
        # Self time by library method: JDK and Vector API frames inlined into a JTensor method (a
        # vector load, an FMA) count for that method, with the innermost frame named beside it.
        lib = next((f for f in frames if f.startswith("dev.jtensor.") and not f.startswith(PKG)), None)
        if lib is None:
            top = short(frames[0])
        elif lib == frames[0]:
            top = short(lib)
        else:
            top = f"{short(lib)}  [in {short(frames[0])}]"
        by_top[top] = by_top.get(top, 0) + 1
        # The library call the benchmark method made: the frame just above it on the stack.
        if bench_method in frames:
            i = frames.index(bench_method)
            call = short(frames[i - 1]) if i > 0 else "(the benchmark method itself)"
        elif thread.startswith("jtensor"):
            call = "(JTensor pool thread: parallel part of a kernel)"
        else:
            call = "(stack deeper than 64 frames)"
        by_call[call] = by_call.get(call, 0) + 1
    total = sum(by_top.values())
    if not total:
        return None
    lines = [f"{total} execution samples of the benchmark's threads.", "",
             "By the library call the benchmark method made (inclusive):"]
    lines += [f"{c / total * 100:5.1f}%  {k}" for k, c in sorted(by_call.items(), key=lambda kv: -kv[1])[:PROFILE_TOP]]
    lines += ["", "Self time by JTensor method (JDK frames inlined into it counted with it, the innermost in brackets):"]
    ranked = sorted(by_top.items(), key=lambda kv: -kv[1])
    lines += [f"{c / total * 100:5.1f}%  {k}" for k, c in ranked[:PROFILE_TOP]]
    rest = sum(c for _, c in ranked[PROFILE_TOP:])
    if rest:
        lines.append(f"{rest / total * 100:5.1f}%  (other frames)")
    return "\n".join(lines)


def short(frame):
    """dev.jtensor.core.cpu.FloatGemm.packA -> cpu.FloatGemm.packA; lambdas keep their host method."""
    frame = re.sub(r"\$\$Lambda[.$/]0x[0-9a-f]+", "$$Lambda", frame)
    for prefix in ("dev.jtensor.", "jdk.incubator.vector.", "java.lang.invoke."):
        if frame.startswith(prefix):
            return frame[len(prefix):]
    return frame


# ----------------------------------------------------------------------------------------- charts

def fmt_time(us):
    if us is None:
        return "-"
    if us < 1:
        return f"{us * 1000:.0f} ns"
    if us < 1000:
        return f"{us:.3g} us" if us < 100 else f"{us:.0f} us"
    if us < 1e6:
        return f"{us / 1000:.3g} ms" if us < 1e5 else f"{us / 1000:.0f} ms"
    return f"{us / 1e6:.3g} s"


def svg_matmul(rows, path):
    """GFLOP/s against n (log2 axis): JTensor, NumPy, DJL and ND4J at 1 and 2 threads, PyTorch dotted."""
    W, H, L, R, T, B = 720, 420, 70, 190, 40, 55
    series = []
    styles = {("jtensor", 1): ("#1f77b4", ""), ("jtensor", 2): ("#1f77b4", "8 4"),
              ("numpy", 1): ("#d62728", ""), ("numpy", 2): ("#d62728", "8 4"),
              ("torch", 1): ("#7f7f7f", "2 3"), ("torch", 2): ("#bcbcbc", "2 3"),
              ("djl", 1): ("#2ca02c", ""), ("djl", 2): ("#2ca02c", "8 4"),
              ("nd4j", 1): ("#ff7f0e", ""), ("nd4j", 2): ("#ff7f0e", "8 4")}
    names = LIB_NAMES
    for (lib, t), (color, dash) in styles.items():
        pts = [(r["n"], r[lib]) for r in rows if r["threads"] == t and r.get(lib)]
        if pts:
            series.append((f"{names[lib]}, {t} thread{'s' if t > 1 else ''}", color, dash, sorted(pts)))
    if not series:
        return False
    ns = sorted({r["n"] for r in rows})
    ymax = max(v for _, _, _, pts in series for _, v in pts)
    ymax = nice_ceiling(ymax * 1.08)
    x0, x1 = math.log2(ns[0]), math.log2(ns[-1]) if ns[-1] > ns[0] else math.log2(ns[0]) + 1

    def X(n):
        return L + (math.log2(n) - x0) / (x1 - x0) * (W - L - R)

    def Y(v):
        return H - B - v / ymax * (H - T - B)

    out = [svg_head(W, H), f'<text x="{W / 2 - R / 2 + L / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">'
           f'float32 matmul [n, n] @ [n, n]: GFLOP/s (higher is better)</text>']
    for i in range(6):
        v = ymax * i / 5
        out.append(f'<line x1="{L}" x2="{W - R}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" stroke="#e0e0e0"/>')
        out.append(f'<text x="{L - 8}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
    for n in ns:
        out.append(f'<line x1="{X(n):.1f}" x2="{X(n):.1f}" y1="{T}" y2="{H - B}" stroke="#f0f0f0"/>')
        out.append(f'<text x="{X(n):.1f}" y="{H - B + 18}" text-anchor="middle">{n}</text>')
    out.append(f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">n</text>')
    out.append(f'<text transform="translate(18,{(T + H - B) / 2}) rotate(-90)" text-anchor="middle">GFLOP/s</text>')
    out.append(f'<rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}" fill="none" stroke="#444"/>')
    for i, (label, color, dash, pts) in enumerate(series):
        d = " ".join(f"{X(n):.1f},{Y(v):.1f}" for n, v in pts)
        out.append(f'<polyline points="{d}" fill="none" stroke="{color}" stroke-width="2.2" stroke-dasharray="{dash}"/>')
        for n, v in pts:
            out.append(f'<circle cx="{X(n):.1f}" cy="{Y(v):.1f}" r="3" fill="{color}"/>')
        ly = T + 14 + i * 20
        out.append(f'<line x1="{W - R + 12}" x2="{W - R + 42}" y1="{ly}" y2="{ly}" stroke="{color}" stroke-width="2.2" stroke-dasharray="{dash}"/>')
        out.append(f'<text x="{W - R + 48}" y="{ly + 4}">{html.escape(label)}</text>')
    out.append("</svg>")
    write(path, "\n".join(out) + "\n")
    return True


def svg_ratios(items, path):
    """Horizontal bars of speed ratios (log axis) with each target marked; green when met."""
    if not items:
        return False
    W, L, R, row, T, B = 760, 300, 40, 24, 46, 50
    H = T + B + row * len(items)
    lo = min(0.05, min(i["ratio"] for i in items) / 1.3)
    hi = max(8.0, max(i["ratio"] for i in items) * 1.3)
    a, b = math.log10(lo), math.log10(hi)

    def X(v):
        return L + (math.log10(v) - a) / (b - a) * (W - L - R)

    out = [svg_head(W, H), f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">'
           f'Speed ratio: anchor time / JTensor time (log scale; &gt; 1 means JTensor is faster)</text>',
           f'<text x="{W / 2}" y="36" text-anchor="middle" font-size="11" fill="#555">bar: measured ratio, '
           f'black tick: target; green: target met, red: missed, grey: no target</text>']
    for v in (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100):
        if lo <= v <= hi:
            out.append(f'<line x1="{X(v):.1f}" x2="{X(v):.1f}" y1="{T}" y2="{H - B}" stroke="{"#888" if v == 1 else "#e4e4e4"}"/>')
            out.append(f'<text x="{X(v):.1f}" y="{H - B + 16}" text-anchor="middle">{v:g}x</text>')
    for k, it in enumerate(items):
        y = T + k * row
        color = "#999999" if it["met"] is None else ("#2ca02c" if it["met"] else "#d62728")
        x1 = X(1.0)
        xr = X(it["ratio"])
        out.append(f'<rect x="{min(x1, xr):.1f}" y="{y + 4}" width="{abs(xr - x1):.1f}" height="{row - 8}" fill="{color}"/>')
        out.append(f'<text x="{L - 8}" y="{y + row / 2 + 4}" text-anchor="end">{html.escape(it["label"])}</text>')
        out.append(f'<text x="{xr + (4 if xr >= x1 else -4):.1f}" y="{y + row / 2 + 4}" text-anchor="{"start" if xr >= x1 else "end"}" '
                   f'font-size="11">{it["ratio"]:.2f}</text>')
        if it.get("target"):
            xt = X(it["target"])
            out.append(f'<line x1="{xt:.1f}" x2="{xt:.1f}" y1="{y + 1}" y2="{y + row - 1}" stroke="#000" stroke-width="2.5"/>')
    out.append(f'<text x="{(L + W - R) / 2}" y="{H - 14}" text-anchor="middle">speed ratio</text>')
    out.append("</svg>")
    write(path, "\n".join(out) + "\n")
    return True


def svg_head(w, h):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            f'font-family="Helvetica, Arial, sans-serif" font-size="12">\n<rect width="{w}" height="{h}" fill="#fff"/>')


def nice_ceiling(v):
    if v <= 0:
        return 1
    e = 10 ** math.floor(math.log10(v))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * e >= v:
            return m * e
    return 10 * e


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


# ----------------------------------------------------------------------------------------- report

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="smoke run: short iterations, one pass, matmul n <= 512; writes under tensor-bench/target")
    p.add_argument("--out", help="markdown file to write (default docs/benchmarks.md for a full run, "
                                 "tensor-bench/target/report-quick/benchmarks.md for --quick, --only or --sizes)")
    p.add_argument("--jar", default=os.path.join(ROOT, "tensor-bench", "target", "benchmarks.jar"))
    p.add_argument("--peers-jar", default=PEERS_JAR,
                   help="the JVM peers' JMH jar, built by ./mvnw -Ppeers (default %(default)s)")
    peers = p.add_mutually_exclusive_group()
    peers.add_argument("--peers", dest="peers", action="store_const", const=True,
                       help="run the DJL and ND4J twins; fail if their jar is missing (default: run them "
                            "when the jar exists)")
    peers.add_argument("--no-peers", dest="peers", action="store_const", const=False,
                       help="do not run the DJL and ND4J twins")
    p.add_argument("--java", default=os.path.join(os.environ["JAVA_HOME"], "bin", "java")
                   if os.environ.get("JAVA_HOME") else "java")
    p.add_argument("--numpy-python", default="python3")
    p.add_argument("--torch-python", default="/usr/bin/python3")
    p.add_argument("--only", help="regex: run only the groups whose name matches (matmul-t1, matmul-t2, "
                                  "elementwise, reduction, softmax, embedding, crossentropy, mlp, tinyop, random, alloc)")
    p.add_argument("--sizes", type=lambda v: [int(x) for x in v.split(",")],
                   help="matmul sizes, comma-separated (default 128,256,512,1024,2048; quick 128,256,512)")
    p.add_argument("--forks", type=int, default=1, help="JMH forks per benchmark and pass (default 1)")
    p.add_argument("--passes", type=int, help="passes over all the groups (default 3; quick 1)")
    p.add_argument("--warmup", type=int, help="warm-up iterations (default 5; quick 3)")
    p.add_argument("--iters", type=int, help="measured iterations (default 5; quick 3)")
    p.add_argument("--iter-time", help="time per iteration (default 1s; quick 500ms)")
    p.add_argument("--no-profile", action="store_true", help="skip the profiles of missed targets")
    p.add_argument("--render-only", metavar="DATA_JSON",
                   help="write the page again from a run's -data.json (e.g. after editing analysis.md); runs nothing")
    args = p.parse_args()
    if args.render_only:
        render_only(args.render_only, os.path.abspath(args.out) if args.out
                    else os.path.join(ROOT, "docs", "benchmarks.md"))
        return
    args.warmup = args.warmup if args.warmup is not None else (3 if args.quick else 5)
    args.iters = args.iters if args.iters is not None else (3 if args.quick else 5)
    args.iter_time = args.iter_time or ("500ms" if args.quick else "1s")
    args.passes = args.passes if args.passes is not None else (1 if args.quick else 3)
    sizes = args.sizes or (QUICK_MATMUL_SIZES if args.quick else MATMUL_SIZES)
    partial = args.quick or args.only or args.sizes
    if args.out:
        out_md = os.path.abspath(args.out)
    elif partial:
        # A partial run never overwrites the committed page.
        out_md = os.path.join(ROOT, "tensor-bench", "target", "report-quick", "benchmarks.md")
    else:
        out_md = os.path.join(ROOT, "docs", "benchmarks.md")
    tmpdir = os.path.join(ROOT, "tensor-bench", "target", "report-tmp")
    os.makedirs(tmpdir, exist_ok=True)
    if not os.path.exists(args.jar):
        raise SystemExit(f"{args.jar} is missing: build it with report.sh or ./mvnw -q package -pl tensor-bench -am -DskipTests")
    if args.peers is None:
        args.peers = os.path.exists(args.peers_jar)
    if args.peers:
        info = peers_info(args.peers_jar)
        if not info["djl"]["available"]:
            raise SystemExit(info["djl"]["reason"])
    else:
        reason = "not run (--no-peers, or no peers jar: `bash tensor-bench/scripts/report.sh --peers` builds it)"
        info = {lib: {"available": False, "reason": reason} for lib in PEER_LIBS}

    started = time.time()
    machine = machine_info(args.java)
    load_before = load_snapshot()
    anchors_info = {"numpy": python_info(args.numpy_python, "numpy"), "torch": python_info(args.torch_python, "torch")}
    anchors_info.update(info)
    rc, listing, err = run([args.java, "--sun-misc-unsafe-memory-access=allow", "-jar", args.jar, "-l"])
    if rc != 0:
        raise SystemExit(f"cannot list the benchmarks in {args.jar}: {err.strip()}")
    in_jar = {l.strip()[len(PKG):] for l in listing.splitlines() if l.strip().startswith(PKG)}
    log(f"{len(in_jar)} benchmarks in the jar; load average {load_before['loadavg']}")

    # measured[(lib, benchmark, params key)] = {"passes": [per-pass score], "raw_us": [every iteration], ...}
    measured, anchor_missing, not_built, failed = {}, {}, [], {}

    def record(lib, key, raw_us, extra=None):
        m = measured.setdefault((lib,) + key, {"passes": [], "raw_us": []})
        m["passes"].append(sum(raw_us) / len(raw_us))
        m["raw_us"] += raw_us
        m.update(extra or {})

    # Every pass runs every group (matmul included): JTensor, then its anchors, then its JVM peers, so
    # each comparison rests on `passes` runs of each side at different moments, and on a shared
    # machine a burst of other work during one of them does not decide the result.
    for pass_no in range(1, args.passes + 1):
        log(f"pass {pass_no} of {args.passes}")
        for g in groups(sizes):
            if args.only and not re.search(args.only, g.name):
                continue
            present = [b for b in g.benchmarks if b in in_jar]
            not_built += [b for b in g.benchmarks if b not in in_jar and b not in not_built]
            if not present:
                continue
            data, out, rc = jmh_run(args, present, g.jmh_params, os.path.join(tmpdir, f"jmh-{g.name}-{pass_no}.json"),
                                    ["-prof", "gc"])
            got = jmh_results(data)
            for key, r in got.items():
                record("jtensor", key, r["raw_us"], {k: r[k] for k in ("alloc_bytes", "gc_ms", "jvm_args")})
            for b in present:
                if not any(name == b for name, _ in got):
                    # JMH goes on after a benchmark throws; keep its first error line for the report.
                    err = next((l.strip() for l in out.splitlines() if "Exception" in l or "Error" in l),
                               f"JMH exit code {rc}")
                    failed[b] = err
            for lib, ag, threads, *max_n in g.anchors:
                if not anchors_info[lib]["available"]:
                    anchor_missing[lib] = anchors_info[lib]["reason"]
                    continue
                anchor_sizes = [n for n in sizes if not max_n or n <= max_n[0]]
                if not anchor_sizes:
                    continue  # e.g. PyTorch's matmul, shown only up to TORCH_MATMUL_MAX_N
                res, missing = anchor_run(args, lib, ag, threads, anchor_sizes)
                for k, v in res.items():
                    record(lib, k, v["raw_us"], {"call": v["call"]})
                if missing:
                    anchor_missing[lib] = missing
            for lib in PEER_LIBS:
                if not anchors_info[lib]["available"]:
                    continue
                res, error = peer_run(args, lib, g, tmpdir, pass_no)
                cls = PEER_LIBS[lib][1]
                for (name, pk), r in res.items():
                    record(lib, (name, pk), r["raw_us"], {"call": f"{cls}.{PEER_TWINS[name]}"})
                if error:
                    anchor_missing[lib] = f"{g.name}: {error}"

    # One row per measured JTensor benchmark and parameter set. Each side's figure is the median of
    # its per-pass scores; ratios are other side's median / JTensor's median.
    rows = []
    jt_keys = [k[1:] for k in measured if k[0] == "jtensor"]
    for name, pk in sorted(jt_keys, key=lambda k: (k[0], [int(v) if v.isdigit() else v for _, v in k[1]])):
        params = dict(pk)
        tgt = TARGETS.get(name)
        jt = measured[("jtensor", name, pk)]
        row = {"name": name, "params": params, "alloc": jt.get("alloc_bytes"), "gc_ms": jt.get("gc_ms"),
               "jvm_args": jt.get("jvm_args")}
        for lib in ("jtensor", "numpy", "torch") + tuple(PEER_LIBS):
            m = measured.get((lib, name, pk))
            if not m:
                continue
            prefix = "jt" if lib == "jtensor" else lib
            row[prefix + "_us"] = median(m["passes"])
            row[prefix + "_lo"], row[prefix + "_hi"] = min(m["passes"]), max(m["passes"])
            row[prefix + "_passes"] = m["passes"]
            row[prefix + "_raw"] = m["raw_us"]
            if "call" in m:
                row[prefix + "_call"] = m["call"]
        a_us = row.get((tgt.anchor if tgt else "torch") + "_us")
        row["ratio"] = a_us / row["jt_us"] if a_us else None
        for lib in PEER_LIBS:
            row[lib + "_ratio"] = row[lib + "_us"] / row["jt_us"] if row.get(lib + "_us") else None
        row["applies"] = bool(tgt and tgt.applies(params))
        row["met"], row["unchecked"] = None, []
        if row["ratio"] is not None and row["applies"]:
            row["met"] = row["ratio"] >= tgt.min_ratio
            for lib, least in tgt.peers.items():
                if row.get(lib + "_ratio") is None:
                    row["unchecked"].append(lib)
                elif row[lib + "_ratio"] < least:
                    row["met"] = False
        rows.append(row)

    profiles = {}
    if not args.no_profile:
        # Matmul sizes share one kernel: profile only the largest missed n per thread count.
        skip = set()
        for t in ("1", "2"):
            missed_n = sorted(int(r["params"]["n"]) for r in rows
                              if r["name"] == "MatmulBench.matmul" and r["params"]["threads"] == t and r.get("met") is False)
            skip |= {(t, str(n)) for n in missed_n[:-1]}
        for row in rows:
            if row["name"] == "MatmulBench.matmul" and (row["params"]["threads"], row["params"]["n"]) in skip:
                continue
            if row.get("met") is False:
                key = (row["name"], params_key(row["params"]))
                log(f"profile of {row['name']} {row['params']}")
                profiles[key] = profile(args, row["name"], params_key(row["params"]), tmpdir)
    load_after = load_snapshot()
    elapsed = time.time() - started

    run_info = {"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "commit": git_commit(),
                "elapsed": elapsed, "quick": args.quick, "forks": args.forks, "warmup": args.warmup,
                "iters": args.iters, "iter_time": args.iter_time, "passes": args.passes,
                "only": args.only, "sizes": sizes, "peers": bool(args.peers)}
    data = {
        "format": 2,
        "run": run_info, "machine": machine, "anchors_info": anchors_info, "anchor_missing": anchor_missing,
        "load_before": load_before, "load_after": load_after, "not_built": not_built, "failed": failed,
        "results": rows,
        "profiles": [[n, list(map(list, pk)), text] for (n, pk), text in profiles.items()],
    }
    write(os.path.splitext(out_md)[0] + "-data.json", json.dumps(data, indent=1) + "\n")
    write(out_md, render(data, out_md))
    log(f"wrote {out_md} in {elapsed / 60:.1f} min")


def render_only(data_path, out_md):
    """Writes the page again from a run's -data.json (after editing analysis.md, say), no benchmarks."""
    with open(data_path) as f:
        data = json.load(f)
    data["rerendered"] = git_commit()
    write(out_md, render(data, out_md))
    log(f"re-rendered {out_md} from {data_path}")


def render(data, out_md):
    """The markdown page (and its SVG charts, written beside out_md) from a run's data."""
    base = os.path.splitext(os.path.basename(out_md))[0]
    out_dir = os.path.dirname(out_md)
    run_info, machine, anchors_info = data["run"], data["machine"], data["anchors_info"]
    anchor_missing, load_before, load_after = data["anchor_missing"], data["load_before"], data["load_after"]
    not_built, failed, elapsed = data["not_built"], data["failed"], run_info["elapsed"]
    args = argparse.Namespace(**{k: run_info[k] for k in ("quick", "forks", "warmup", "iters", "iter_time", "passes")})
    # Format 1 (before the JVM peers): best iteration and median of the pooled iterations, matmul in
    # one pass, no peers. Format 2: median [min-max] of per-pass scores, every group in every pass.
    fmt2 = data.get("format", 1) >= 2
    rows = [dict(r, target=TARGETS.get(r["name"])) for r in data["results"]]
    profiles = {(n, tuple(map(tuple, pk))): text for n, pk, text in data["profiles"]}
    L = []
    L.append("# Benchmarks")
    L.append("")
    L.append(f"Generated by `bash tensor-bench/scripts/report.sh{report_flags(run_info)}` on "
             f"{run_info['date']} at commit {run_info['commit']}, in {elapsed / 60:.1f} minutes"
             + (f" (page re-rendered from that run's data at commit {data['rerendered']})" if data.get("rerendered") else "")
             + ". Do not edit by hand: re-run the command. The JMH benchmarks live in "
             "`tensor-bench/src/main/java/dev/jtensor/bench`, their NumPy/PyTorch twins in "
             "`tensor-bench/scripts/anchors.py`"
             + (", their DJL and ND4J twins in `tensor-bench/src/peers/java/dev/jtensor/bench/peers` "
                "(Maven profile `peers`)." if fmt2 else "."))
    L.append("")
    L.append("**Speed ratio** = anchor time / JTensor time: above 1 JTensor is faster. For matmul the anchor is "
             "NumPy (GFLOP/s ratio, the same number); for everything else PyTorch, on one thread "
             "(`torch.set_num_threads(1)`, `Parallel.setNumThreads(1)`) unless a `threads` parameter says otherwise."
             + (" The JVM peers' columns are ratios the same way (DJL time / JTensor time, ND4J time / JTensor "
                "time), at the same thread counts." if fmt2 else ""))
    L.append("")

    # Machine and load
    L.append("## Machine")
    L.append("")
    L.append(f"- CPU: {machine['cpu']} ({', '.join(machine['simd']) or 'no AVX2'}), {machine['cores']} cores visible, "
             f"{machine['memory_gib']} GiB memory, {machine['os']}")
    L.append(f"- JDK: {machine['jdk']}")
    jvm_args = " ".join(next((r["jvm_args"] for r in rows if r.get("jvm_args")), []))
    L.append(f"- JMH 1.37: {args.forks} fork{'s' if args.forks > 1 else ''} per pass, {args.warmup} warm-up + {args.iters} "
             f"measured iterations of {args.iter_time}, Mode.AverageTime, fork JVM args `{jvm_args}`, with `-prof gc`. "
             + ((f"Every group (matmul included) ran in {args.passes} passes: JTensor's benchmarks, then their "
                 "NumPy/PyTorch twins, then their DJL and ND4J twins (JMH, one fork each), then the next group; then "
                 "all again." if args.passes > 1 else "One pass: JTensor's benchmarks, then their NumPy/PyTorch "
                 "twins, then their DJL and ND4J twins, then the next group.") if fmt2 else
                (f"Everything but matmul ran in {args.passes} passes (each benchmark, then its anchors, then the next; "
                 f"then all again), so each of those results pools the iterations of {args.passes} forks and {args.passes} anchor runs."
                 if args.passes > 1 else "One pass.")))
    for lib in ("numpy", "torch") + (tuple(PEER_LIBS) if fmt2 else ()):
        info = anchors_info.get(lib) or {"available": False, "reason": "no data"}
        L.append(f"- {LIB_NAMES[lib]}: " + (info["text"] if info["available"] else f"**not run**: {info['reason']}"))
    if fmt2:
        L.append(f"- Anchor timing: the same warm-up and measured iterations as JMH, each calling the operation until "
                 f"{args.iter_time} has passed and giving its mean time per call. Every side is summarised the same "
                 "way: a pass's score is the mean of its measured iterations (JMH's score), and the tables show "
                 + (f"the **median of the {args.passes} per-pass scores** with their [min-max] spread; ratios and "
                    "charts use the medians." if args.passes > 1 else "that score (one pass, so no spread)."))
        L.append("- JVM peers: the same shapes, data types and thread counts as JTensor's benchmarks (threads set "
                 "through each library's API, and OMP_NUM_THREADS/OPENBLAS_NUM_THREADS/MKL_NUM_THREADS in the JMH "
                 "process's environment for the native pools that read them only at start-up; each trial checks "
                 "that the library reports the thread count asked for). Their calls **close their outputs inside "
                 "the timed call** (native memory that DJL and ND4J do not leave to the garbage collector), where "
                 "JTensor's benchmarks leave theirs to the GC; ND4J's MLP step leaves its gradients to SameDiff. "
                 "Each trial first checks its twin's result (shape and a value) against the same operation "
                 "computed another way.")
    else:
        L.append(f"- Anchor timing: the same warm-up and measured iterations as JMH, each calling the operation until "
                 f"{args.iter_time} has passed and giving its mean time per call. Both sides are summarised the same way: "
                 "the **best** measured iteration (what the tables, ratios and charts use: on a shared machine other work "
                 "only ever adds time) and, in brackets, the median.")
    lb, la = load_before["loadavg"], load_after["loadavg"]
    cores = machine["cores"] or 1
    L.append(f"- Load average (1, 5, 15 min): {fmt_load(lb)} at the start ({load_before['time']}), "
             f"{fmt_load(la)} at the end ({load_after['time']})")
    other = other_cpu(load_before, load_after, cores)
    if other is not None:
        L.append(f"- Other work during the run: {other['others']:.1%} of the machine's CPU time went to processes "
                 f"other than the report's own (benchmarks, anchors, JMH), and {other['steal']:.1%} was stolen by the "
                 "hypervisor (/proc/stat against the run's own CPU time). Even a quiet virtual machine shares memory "
                 "bandwidth and caches with its neighbours, which moves memory-bound results by 10-30% between runs.")
        high = other["others"] + other["steal"] > 0.10
    else:
        # Older data without CPU counters: the load average (which includes the benchmarks themselves).
        high = max((lb or [0])[0], (la or [0])[0]) > 0.5 * cores
    if high:
        busy = ", ".join(load_before["busy"] + [b for b in load_after["busy"] if b not in load_before["busy"]])
        L.append("")
        L.append(f"> **Warning: the machine was busy during this run** (other work or the hypervisor took more than "
                 "10% of the CPU time, or, for data without CPU counters, the load average was above half of the "
                 f"{cores} cores" + (f"; busy processes: {html.escape(busy)}" if busy else "") + "). Other work "
                 "competed for the cores, so absolute times are inflated and ratios are noisy (both sides of each "
                 "comparison run back to back, which limits but does not remove the bias). Re-run the command on a "
                 "quiet machine for numbers to rely on.")
    L.append("")

    # Summary
    L.append("## Results")
    L.append("")
    if fmt2:
        L.append((f"Times: median [min-max] of {args.passes} per-pass scores. Ratios: the other side's median / "
                  "JTensor's median" if args.passes > 1 else "Times: one pass's score. Ratios: the other side's "
                  "time / JTensor's") + " (above 1 JTensor is faster).")
        L.append("")
        L.append("| benchmark | operation | JTensor | PyTorch / NumPy | ratio | DJL | ratio | ND4J | ratio | target | met |")
        L.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|:---:|")
    else:
        L.append("| benchmark | operation | JTensor best (median) | anchor | anchor best (median) | speed ratio | target | met |")
        L.append("|---|---|---:|---|---:|---:|---|:---:|")
    mm = [r for r in rows if r["name"] == "MatmulBench.matmul"]
    for r in rows:
        if r["name"] == "MatmulBench.matmul":
            desc = f"n={r['params']['n']}, threads={r['params']['threads']}"
        else:
            desc = DESCRIPTIONS.get(r["name"], "")
        tgt = r["target"]
        lib = tgt.anchor if tgt else "torch"
        anchor_name = LIB_NAMES[lib]
        a_us = r.get(lib + "_us")
        call = r.get(lib + "_call", "")
        ratio = f"**{fmt_ratio(r['ratio'])}**" if r.get("ratio") is not None else "-"
        target = (((tgt.text if fmt2 else tgt.base_text) if r.get("applies") else "none for this size")
                  if tgt else "none (baseline)")
        if fmt2:
            peer_cells = ""
            for peer in PEER_LIBS:
                if r.get(peer + "_us") is not None:
                    peer_cells += f" {spread(r, peer)} | **{fmt_ratio(r[peer + '_ratio'])}** |"
                elif r["name"] in PEER_TWINS:
                    peer_cells += " not run | - |"
                else:
                    peer_cells += " no twin | - |"
            L.append(f"| {r['name']} | {desc} | {spread(r, 'jt')} | "
                     + (f"{anchor_name} `{call}`: {spread(r, lib)}" if a_us else f"{anchor_name}: missing")
                     + f" | {ratio} |{peer_cells} {target} | {met_mark(r)} |")
        else:
            L.append(f"| {r['name']} | {desc} | {fmt_time(r['jt_us'])} ({fmt_time(r['jt_median_us'])}) | "
                     f"{anchor_name} `{call}` | "
                     + (f"{fmt_time(a_us)} ({fmt_time(r[lib + '_median_us'])})" if a_us else "missing") + " | "
                     + f"{ratio} | {target} | {met_mark(r)} |")
    L.append("")
    with_target = [r for r in rows if r.get("met") is not None]
    met = [r for r in with_target if r["met"]]
    L.append(f"**{len(met)} of {len(with_target)} targets met** in this run.")
    caveats = read_notes().get("Caveats")
    if caveats:
        L.append("")
        L.append(caveats.strip())
    for b in not_built:
        L.append("")
        L.append(f"`{b}` was not run: it is not in the benchmark jar, because "
                 + NOT_WRITTEN.get(b, "its API was not on the branch when the jar was built") + ".")
    for b, err in failed.items():
        L.append("")
        L.append(f"`{b}` **failed** under JMH, so it has no result: `{err}`")
    for lib, reason in anchor_missing.items():
        L.append("")
        L.append(f"Anchor **{lib} missing** (reported as missing, nothing estimated): {reason}")
    peer_notes = read_notes().get("Peers")
    if fmt2 and peer_notes:
        L.append("")
        L.append(peer_notes.strip())
    L.append("")

    # Charts
    mm_rows = []
    for r in mm:
        n, t = int(r["params"]["n"]), int(r["params"]["threads"])
        flop = 2.0 * n ** 3
        m = {"n": n, "threads": t, "ratio": r.get("ratio"), "met": r.get("met"), "jtensor": flop / r["jt_us"] / 1e3}
        for lib in ("numpy", "torch") + tuple(PEER_LIBS):
            m[lib] = flop / r[lib + "_us"] / 1e3 if r.get(lib + "_us") else None
        mm_rows.append(m)
    if mm_rows:
        L.append("## Matmul throughput")
        L.append("")
        L.append(f"GFLOP/s = 2n³ / {'median' if fmt2 else 'best'} time. PyTorch is shown for reference up to n={TORCH_MATMUL_MAX_N} only: its matmul "
                 "goes through the BLAS library named under Machine, and a reference (unoptimised) BLAS would need minutes "
                 "for the larger sizes.")
        L.append("")
        peers_cols = fmt2 and any(m.get(lib) for m in mm_rows for lib in PEER_LIBS)
        L.append("| n | threads | JTensor GFLOP/s | NumPy GFLOP/s | ratio (target >= 0.9 for n >= 256) | PyTorch GFLOP/s (for reference) |"
                 + (" DJL GFLOP/s | ND4J GFLOP/s |" if peers_cols else ""))
        L.append("|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if peers_cols else ""))
        for m in sorted(mm_rows, key=lambda m: (m["threads"], m["n"])):
            L.append(f"| {m['n']} | {m['threads']} | {m['jtensor']:.1f} | " + (f"{m['numpy']:.1f}" if m["numpy"] else "missing")
                     + " | " + (f"{fmt_ratio(m['ratio'])} {met_mark(m)}" if m["ratio"] is not None else "-") + " | "
                     + (f"{m['torch']:.1f}" if m["torch"] else ("not run" if m["n"] > TORCH_MATMUL_MAX_N else "missing")) + " |"
                     + ("".join(f" {m[lib]:.1f} |" if m[lib] else " - |" for lib in PEER_LIBS) if peers_cols else ""))
        L.append("")
        if fmt2:
            # The thread check: each library's 2-thread time against its 1-thread time at the same n.
            scaling = []
            for n in sorted({m["n"] for m in mm_rows}, reverse=True):
                one = next((m for m in mm_rows if m["n"] == n and m["threads"] == 1), None)
                two = next((m for m in mm_rows if m["n"] == n and m["threads"] == 2), None)
                if not one or not two:
                    continue
                parts = []
                for lib in ("jtensor", "numpy") + tuple(PEER_LIBS):
                    if one.get(lib) and two.get(lib):
                        flop = 2.0 * n ** 3
                        t1, t2 = flop / one[lib] / 1e3, flop / two[lib] / 1e3
                        parts.append(f"{LIB_NAMES[lib]} {fmt_time(t1)} -> {fmt_time(t2)} ({t1 / t2:.2f}x)")
                if parts:
                    scaling.append(f"- n={n}: " + "; ".join(parts))
                if len(scaling) == 2:
                    break
            if scaling:
                L.append("**Thread check** (median time on 1 thread -> on 2 threads, and the speed-up; about 2x means "
                         "the library really ran on the thread counts asked for, 1x that it ignored them):")
                L.append("")
                L.extend(scaling)
                L.append("")
        if svg_matmul(mm_rows, os.path.join(out_dir, base + "-matmul.svg")):
            L.append(f"![matmul GFLOP/s against n]({base}-matmul.svg)")
            L.append("")
    ratio_items = [{"label": label(r), "ratio": r["ratio"], "met": r.get("met"),
                    "target": r["target"].min_ratio if r["target"] and r.get("applies") else None}
                   for r in rows if r.get("ratio") and r.get("applies")]
    if ratio_items:
        L.append("## Speed ratios")
        L.append("")
        if svg_ratios(ratio_items, os.path.join(out_dir, base + "-ratios.svg")):
            L.append(f"![speed ratios against targets]({base}-ratios.svg)")
            L.append("")

    # Allocation
    L.append("## Allocation per operation (JMH -prof gc)")
    L.append("")
    L.append("Bytes the JVM allocated per benchmark call (`gc.alloc.rate.norm`) and the GC time over the measured "
             "iterations. A new float32 [4096, 1024] output is 16 MiB; allocation well above the outputs points at "
             "temporaries.")
    L.append("")
    L.append("| benchmark | allocated per op | GC time |")
    L.append("|---|---:|---:|")
    for r in rows:
        L.append(f"| {label(r)} | {fmt_bytes(r['alloc'])} | " + (f"{r['gc_ms']:.0f} ms" if r["gc_ms"] is not None else "-") + " |")
    L.append("")

    # Missed targets
    missed = [r for r in rows if r.get("met") is False]
    notes = read_notes()
    if missed:
        L.append("## Missed targets and what limits them")
        L.append("")
        L.append("For each missed target: the measured ratio, the notes from profiling "
                 "(`tensor-bench/scripts/analysis.md`, written by hand from profiles like the ones shown; compare their "
                 "numbers with this run's), and this run's profile of the benchmark (`-prof jfr`: execution "
                 "samples of the benchmark's threads, grouped by the library call the benchmark made and by "
                 "the JTensor method running). JFR samples threads only while they run Java code: time inside "
                 "the JVM itself, such as zeroing a new array (see AllocBench) or GC, is not in these samples.")
        L.append("")
        # Matmul sizes share one kernel and one note: one section for all of its missed sizes.
        sections = []
        mm_missed = [r for r in missed if r["name"] == "MatmulBench.matmul"]
        for r in missed:
            if r["name"] != "MatmulBench.matmul":
                peer_ratios = "".join(f", {fmt_ratio(r[lib + '_ratio'])}x {LIB_NAMES[lib]}" for lib in PEER_LIBS
                                      if fmt2 and r.get(lib + "_ratio") is not None)
                sections.append((f"{r['name']}: {fmt_ratio(r['ratio'])}x{peer_ratios} (target "
                                 f"{r['target'].text if fmt2 else r['target'].base_text})", r["name"], [r]))
            elif r is mm_missed[0]:
                sizes_text = ", ".join(f"{fmt_ratio(m['ratio'])}x at n={m['params']['n']} t={m['params']['threads']}"
                                       for m in mm_missed)
                sections.append((f"MatmulBench.matmul: {sizes_text} (target {r['target'].text})", r["name"], mm_missed))
        for title, name, rs in sections:
            L.append(f"### {title}")
            L.append("")
            note = notes.get(name)
            if note:
                L.append(note.strip())
                L.append("")
            for r in rs:
                prof = profiles.get((r["name"], params_key(r["params"])))
                if prof:
                    L.append(f"<details><summary>profile of {label(r)} (this run)</summary>")
                    L.append("")
                    L.append("```")
                    L.append(prof)
                    L.append("```")
                    L.append("</details>")
                    L.append("")
    L.append("## How to reproduce")
    L.append("")
    L.append("```bash")
    L.append("bash tensor-bench/scripts/report.sh --peers   # full run with DJL and ND4J, writes this page (about an hour on 2 cores)")
    L.append("bash tensor-bench/scripts/report.sh --quick   # smoke run, writes tensor-bench/target/report-quick/")
    L.append("bash tensor-bench/scripts/report.sh --only 'softmax|mlp' --peers   # some groups only, writes there too")
    L.append("java --add-modules jdk.incubator.vector -jar tensor-bench/target/benchmarks.jar MatmulBench -p n=512   # one benchmark by hand")
    L.append("OMP_NUM_THREADS=1 java -jar tensor-bench/target/peers/benchmarks-peers.jar 'peers.DjlBench.matmul' -p n=512 -p threads=1   # a peer by hand")
    L.append(f"python3 tensor-bench/scripts/report.py --render-only docs/{base}-data.json   # rewrite this page from its data, e.g. after editing the notes")
    L.append("```")
    L.append("")
    L.append(f"Raw numbers (every iteration, both sides): [`{base}-data.json`]({base}-data.json).")
    L.append("")
    return "\n".join(L)


def spread(r, prefix):
    """'median [min-max]' of one side's per-pass scores in a row of format 2."""
    mid, lo, hi = r.get(prefix + "_us"), r.get(prefix + "_lo"), r.get(prefix + "_hi")
    if mid is None:
        return "-"
    if lo is None or hi is None or len(r.get(prefix + "_passes") or []) < 2:
        return fmt_time(mid)
    return f"{fmt_time(mid)} [{fmt_time(lo)}-{fmt_time(hi)}]"


def report_flags(run_info):
    """The report.sh options that reproduce a run (from its data)."""
    flags = " --quick" if run_info.get("quick") else ""
    if run_info.get("peers"):
        flags += " --peers"
    if run_info.get("only"):
        flags += f" --only {shlex.quote(run_info['only'])}"
    return flags


def fmt_ratio(x):
    # Three digits, so that a ratio just under its target never prints as the target (0.896, not 0.90).
    return f"{x:.3g}" if x < 10 else f"{x:.1f}"


def label(r):
    if r["name"] == "MatmulBench.matmul":
        return f"matmul n={r['params']['n']} t={r['params']['threads']}"
    return r["name"]


def met_mark(r):
    if r.get("met") is None:
        return "-" if r.get("ratio") is None else "(no target)"
    unchecked = ", ".join(LIB_NAMES[lib] for lib in r.get("unchecked") or [])
    return ("yes" if r["met"] else "**no**") + (f" ({unchecked} not run)" if unchecked else "")


def fmt_bytes(b):
    if b is None:
        return "-"
    for unit, scale in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if b >= scale:
            return f"{b / scale:.1f} {unit}"
    return f"{b:.0f} B"


def fmt_load(l):
    return ", ".join(f"{v:.2f}" for v in l) if l else "unknown"


def read_notes():
    """Sections of analysis.md keyed by benchmark name ("## MatmulBench.matmul" ...)."""
    text = read(os.path.join(HERE, "analysis.md"))
    notes = {}
    for m in re.finditer(r"^## (\S+)\s*\n(.*?)(?=^## |\Z)", text, re.M | re.S):
        notes[m.group(1)] = m.group(2)
    return notes


if __name__ == "__main__":
    main()
