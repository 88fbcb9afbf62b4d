"""HTTP load: wrk with bench/cycle.lua cycling request paths over
keep-alive connections, and one sequential keep-alive client that checks
every answer."""
import http.client
import json
import os
import pathlib
import re
import time

from .common import log, percentile, run

HERE = pathlib.Path(__file__).resolve().parent.parent
CYCLE_LUA = HERE / "cycle.lua"
# wrk's own timeout per request; a slower answer counts as an error.
WRK_TIMEOUT = "10s"


def listen_overflows():
    """The kernel's count of connections dropped because a listen queue was
    full (this network namespace, all processes): a full queue costs the
    client a SYN retransmission, 1 s or more."""
    lines = pathlib.Path("/proc/net/netstat").read_text().splitlines()
    for names, values in zip(lines[::2], lines[1::2]):
        if names.startswith("TcpExt:"):
            return dict(zip(names.split()[1:], map(int, values.split()[1:]))).get("ListenOverflows", 0)
    return 0


def write_paths(path, paths):
    pathlib.Path(path).write_text("".join(p + "\n" for p in paths))
    return path


def wrk(base_url, paths_file, connections, duration_s):
    """requests/s, p50/p99 (ms), socket errors and non-2xx/3xx answers."""
    threads = max(1, min(connections, os.cpu_count() or 1))
    overflows_before = listen_overflows()
    result = run(["wrk", "-t", threads, "-c", connections, "-d", f"{duration_s}s", "--timeout", WRK_TIMEOUT,
                  "-s", CYCLE_LUA, base_url, "--", str(paths_file)])
    line = next(l for l in result.stdout.splitlines() if l.startswith("BENCH "))
    data = json.loads(line[len("BENCH "):])
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    seconds = data["duration_us"] / 1e6
    return {
        "connections": connections,
        "rps": data["requests"] / seconds if seconds else 0,
        "p50_ms": data["p50_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "requests": data["requests"],
        "socket_errors": data["connect"] + data["read"] + data["write"] + data["timeout"],
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "listen_overflows": listen_overflows() - overflows_before,
    }


def sequential(port, paths, rounds=1):
    """One client, one keep-alive connection, every path in turn."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times, errors = [], 0
    for _ in range(rounds):
        for path in paths:
            start = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                ok = response.status == 200 and body[:1] in (b"{", b"[")
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            times.append((time.perf_counter() - start) * 1000)
            errors += 0 if ok else 1
    connection.close()
    return {"p50_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95),
            "p99_ms": percentile(times, 0.99), "requests": len(times), "errors": errors}


def sweep(label, base_url, paths_file, connections, duration_s):
    points = []
    for c in connections:
        log(f"wrk {label}: {c} connections, {duration_s} s")
        points.append(wrk(base_url, paths_file, c, duration_s))
    return points
