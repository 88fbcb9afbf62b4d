"""Running commands, /usr/bin/time -v, sizes, ports, percentiles, the machine."""
import os
import pathlib
import platform
import re
import socket
import subprocess
import sys


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def run(cmd, **kwargs):
    """Runs cmd, failing loudly with its output when it fails."""
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def timed(cmd, **kwargs):
    """Runs cmd under /usr/bin/time -v: wall seconds, peak RSS (MB), CPU %."""
    result = run(["/usr/bin/time", "-v", *cmd], **kwargs)
    report = result.stderr
    def field(name):
        match = re.search(rf"{re.escape(name)}: (.+)", report)
        return match.group(1).strip() if match else ""
    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part)
    return {
        "wall_s": wall,
        "peak_rss_mb": int(field("Maximum resident set size (kbytes)") or 0) / 1024,
        "cpu_percent": int(field("Percent of CPU this job got").rstrip("%") or 0),
        "stdout": result.stdout,
    }


def tree_bytes(path, suffixes=None):
    path = pathlib.Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*")
               if f.is_file() and (suffixes is None or f.suffix in suffixes))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * (len(ordered) - 1) + 0.5))]


def machine():
    cpu = "unknown"
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": mem_kb / 1024 / 1024,
            "kernel": platform.release()}


def git_revision(root):
    try:
        branch = run(["git", "-C", root, "rev-parse", "--abbrev-ref", "HEAD"]).stdout.strip()
        commit = run(["git", "-C", root, "rev-parse", "--short", "HEAD"]).stdout.strip()
        dirty = run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"]).stdout.strip()
        return f"{branch} @ {commit}{' (uncommitted changes)' if dirty else ''}"
    except RuntimeError:
        return "unknown"


def ratio(ours, theirs):
    """ours / theirs, or None when either is missing or zero."""
    if not ours or not theirs:
        return None
    return ours / theirs
