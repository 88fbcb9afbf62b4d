"""Markdown tables of one run: one file per corpus size and a summary of how
each figure grows with the corpus."""
from . import profile
from .common import ratio

INDEX_COLUMNS = [("wall_s", "wall s", 1), ("statements_per_s", "statements/s", 0), ("mb_per_s", "MB/s", 2),
                 ("index_mb", "index MB", 1), ("peak_rss_mb", "peak RSS MB", 0), ("cpu_percent", "CPU %", 0)]
LATENCY_NAMES = [("ours/search+json", "ours: Searcher::search + JSON (snippets, exact facets)"),
                 ("ours/search", "ours: Searcher::search only"),
                 ("omindex_xapian/top10+snippet", "Xapian over omindex's DB: top 10 + snippets (omega's core)"),
                 ("sqlite_fts5/top10+snippet+count", "SQLite FTS5: top 10 by bm25 + snippet + count"),
                 ("quest_cli", "quest command line, a process per query (omega CGI-like)")]


def fmt(value, digits=2):
    if value is None:
        return "n/a"
    if isinstance(value, str):
        return value
    return f"{value:,.{digits}f}"


def fmt_ratio(value):
    return "n/a" if value is None else f"{value:.2f}x"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def index_section(index):
    rows = [[e["engine"]] + [fmt(e[k], d) for k, _, d in INDEX_COLUMNS] for e in index]
    ours = index[0]
    for other in index[1:]:
        rows.append([f"**ours ÷ {other['engine']}**"] + [fmt_ratio(ratio(ours[k], other[k])) for k, _, _ in INDEX_COLUMNS])
    return "## Index\n\n" + table(["engine"] + [label for _, label, _ in INDEX_COLUMNS], rows)


def latency_section(latency, queries, rounds):
    out = [f"## Query latency in-process ({queries} queries × {rounds} rounds, one thread)\n",
           "Every engine answers each query in turn (the first one rotating), so that all see the same "
           "moments of a shared machine.\n"]
    rows = []
    for key, label in LATENCY_NAMES:
        if key in latency:
            f = latency[key]
            rows.append([label, fmt(f["p50_ms"], 3), fmt(f["p95_ms"], 3), fmt(f["p99_ms"], 3), int(f.get("errors", 0))])
    ours = latency.get("ours/search+json")
    for key, label in LATENCY_NAMES[2:]:
        if ours and key in latency:
            rows.append([f"**ours ÷ {key.split('/')[0]}**"] +
                        [fmt_ratio(ratio(ours[p], latency[key][p])) for p in ("p50_ms", "p95_ms", "p99_ms")] + [""])
    out.append(table(["engine", "p50 ms", "p95 ms", "p99 ms", "errors"], rows))
    kinds = sorted({k[len("p50_ms_"):] for k in latency.get("ours/search", {}) if k.startswith("p50_ms_")})
    if kinds:
        s = latency["ours/search"]
        out.append("\nOurs by kind of query (Searcher::search):\n\n")
        out.append(table(["kind", "p50 ms", "p99 ms"],
                         [[k, fmt(s[f"p50_ms_{k}"], 3), fmt(s[f"p99_ms_{k}"], 3)] for k in kinds]))
    return "\n".join(out)


def wrk_rows(label, points):
    return [[label, p["connections"], fmt(p["rps"], 0), fmt(p["p50_ms"], 2), fmt(p["p99_ms"], 2),
             p["socket_errors"], p["non2xx"], p.get("listen_overflows", "n/a")] for p in points]


def http_section(http):
    out = ["## HTTP (loopback; wrk and the servers share the machine's cores)\n"]
    seq_rows = [[mode, fmt(s["p50_ms"], 2), fmt(s["p95_ms"], 2), fmt(s["p99_ms"], 2), s["requests"], s["errors"]]
                for mode, s in http["sequential"].items()]
    out.append("One client, one keep-alive connection, every query in turn:\n\n" +
               table(["searchd", "p50 ms", "p95 ms", "p99 ms", "requests", "errors"], seq_rows))
    rows = []
    for mode, points in http["wrk"].items():
        rows += wrk_rows(mode, points)
    out.append("\nwrk cycling the query set (bench/cycle.lua):\n\n" +
               table(["server", "connections", "requests/s", "p50 ms", "p99 ms", "socket errors", "non-2xx",
                      "listen queue overflows"], rows) +
               "\nListen queue overflows: connections the kernel dropped during the point because a server's "
               "accept queue was full (TcpExt ListenOverflows, whole machine); each costs its client a SYN "
               "retransmission of 1 s or more, which shows in p99.\n")
    first_mode = next(iter(http["wrk"]))
    ours = {p["connections"]: p for p in http["wrk"][first_mode]}
    ratio_rows = []
    for mode, points in http["wrk"].items():
        if mode == first_mode:
            continue
        for p in points:
            if p["connections"] in ours:
                o = ours[p["connections"]]
                ratio_rows.append([f"{first_mode} ÷ {mode}", p["connections"], fmt_ratio(ratio(o["rps"], p["rps"])),
                                   fmt_ratio(ratio(o["p50_ms"], p["p50_ms"])), fmt_ratio(ratio(o["p99_ms"], p["p99_ms"]))])
    if ratio_rows:
        out.append("\nRatios (requests/s: above 1 is ours faster; latency: below 1 is ours faster):\n\n" +
                   table(["ratio", "connections", "requests/s", "p50", "p99"], ratio_rows))
    return "\n".join(out)


def memory_section(memory):
    rows = [[mode, fmt(m["vmhwm_mb"], 1), fmt(m["vmrss_mb"], 1)] for mode, m in memory.items()]
    return "## searchd memory after the load\n\n" + table(["searchd", "peak RSS (VmHWM) MB", "RSS at end MB"], rows)


def suggest_unmeasured(r):
    """Why a run has no autocomplete figures: the stage was left out, or the probe found no endpoint."""
    probed = r.get("suggest_probed", "/api/suggest: not probed" not in r.get("features_text", ""))
    if probed:
        return "this searchd has no `/api/suggest` (404 on probe)"
    return "the suggest stage was not run (see the command's --only/--skip)"


def suggest_section(r):
    suggest = r.get("suggest")
    if not suggest:
        return f"## Autocomplete\n\nNot measured: {suggest_unmeasured(r)}.\n"
    rows = [["sequential keep-alive", fmt(suggest["sequential"]["p50_ms"], 3), fmt(suggest["sequential"]["p99_ms"], 3),
             suggest["sequential"]["errors"]]]
    rows += [[f"wrk {p['connections']} connections ({fmt(p['rps'], 0)} req/s)", fmt(p["p50_ms"], 3),
              fmt(p["p99_ms"], 3), p["socket_errors"] + p["non2xx"]] for p in suggest["wrk"]]
    return "## Autocomplete (/api/suggest, prefixes of the query words)\n\n" + table(
        ["client", "p50 ms", "p99 ms", "errors"], rows)


def profile_section(profile):
    if not profile:
        return "## Profile\n\nNot recorded (perf missing or failed, or --skip profile).\n"
    rows = [[name, "n/a (symbol not found)" if share is None else f"{share:.1f}%"]
            for name, share in profile["stages"].items()]
    top = [[f"{self_pct:.1f}%", f"`{sym}`"] for self_pct, sym in profile["top_self"]]
    return ("## Profile: where searchd's time goes (perf, cache off, wrk 16 connections)\n\n"
            f"Inclusive share of searchd's {profile.get('samples', '?')} CPU samples (perf record -g dwarf; "
            "a stage's share includes what it calls):\n\n" + table(["stage", "share"], rows) +
            "\nTop functions by self time:\n\n" + table(["self", "function"], top))


def target_rows(r):
    """Issue #6's targets that this run's figures speak to."""
    rows = []
    size = r["corpus"]["statements"]
    index = {e["engine"]: e for e in r["index"]}
    if "omindex" in index:
        x = ratio(index["ours"]["statements_per_s"], index["omindex"]["statements_per_s"])
        rows.append(["indexing ≥ 2x omindex's throughput", fmt_ratio(x), "met" if x and x >= 2 else "not met"])
    http = r.get("http")
    if http and http.get("wrk"):
        off = next(iter(http["wrk"].values()))
        by_c = {p["connections"]: p for p in off}
        if 1 in by_c:
            p = by_c[1]
            rows.append([f"1 client p50 < 2 ms, p99 < 10 ms ({size:,} statements)",
                         f"{p['p50_ms']:.2f} / {p['p99_ms']:.2f} ms",
                         "met" if p["p50_ms"] < 2 and p["p99_ms"] < 10 else "not met"])
        if 64 in by_c:
            p = by_c[64]
            ok = p["rps"] >= 500 and p["socket_errors"] + p["non2xx"] == 0
            rows.append(["64 connections ≥ 500 req/s, no errors", f"{p['rps']:.0f} req/s, "
                         f"{p['socket_errors'] + p['non2xx']} errors", "met" if ok else "not met"])
            omega = {q["connections"]: q for q in http["wrk"].get("omega CGI", [])}
            if 64 in omega:
                x = ratio(p["rps"], omega[64]["rps"])
                rows.append(["64 connections ≥ 6x Omega's req/s", fmt_ratio(x), "met" if x and x >= 6 else "not met"])
        cached = http["wrk"].get("searchd, cache on")
        nginx = {q["connections"]: q for q in http["wrk"].get("nginx static file", [])}
        if cached:
            p = {q["connections"]: q for q in cached}.get(64)
            if p:
                quarter = nginx[64]["rps"] / 4 if 64 in nginx else None
                ok = p["rps"] >= 10000 and (quarter is None or p["rps"] >= quarter)
                rows.append(["cache on, 64 connections ≥ 10,000 req/s and ≥ ¼ of nginx",
                             f"{p['rps']:.0f} req/s (¼ nginx: {fmt(quarter, 0)})", "met" if ok else "not met"])
        else:
            rows.append(["cache on, 64 connections ≥ 10,000 req/s", "not measured: no --cache-size in this searchd",
                         "n/a"])
    suggest = r.get("suggest")
    if http is not None:
        rows.append(["autocomplete p99 < 2 ms", fmt(suggest["sequential"]["p99_ms"], 3) + " ms" if suggest else
                     "not measured: " + suggest_unmeasured(r), ("met" if suggest["sequential"]["p99_ms"] < 2 else "not met")
                     if suggest else "n/a"])
    memory = r.get("memory")
    if memory:
        peak = max(m["vmhwm_mb"] for m in memory.values())
        limit = 150 if size <= 20000 else 400 if size <= 100000 else None
        if limit:
            rows.append([f"searchd RSS < {limit} MB", f"{peak:.0f} MB", "met" if peak < limit else "not met"])
    return rows


def size_report(r):
    c, m = r["corpus"], r["machine"]
    parts = [
        f"# Benchmark: {c['statements']:,} statements ({r['started']})\n",
        f"- Corpus: synthetic (tools/gen_corpus, seed {r['seed']}, English txt): {c['statements']:,} statements, "
        f"{c['paragraphs']:,} paragraphs, {c['mb']:.1f} MB of text.",
        f"- Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram_gb']:.1f} GB RAM, Linux {m['kernel']}; "
        f"load average at start {r['load_start']}, at end {r['load_end']}.",
        f"- Binaries: {r['build']} from {r['revision']}.",
        f"- Features found: {r['features_text']}.",
        f"- Command: `{r['command']}`",
        "- Ratios are ours ÷ theirs from this same run: for times, sizes and memory below 1 is better for us; "
        "for throughput above 1 is.\n",
        "## Targets of issue #6 at this size\n",
        table(["target", "measured", "verdict"], target_rows(r)),
        index_section(r["index"]),
    ]
    if r.get("latency"):
        parts.append(latency_section(r["latency"], r["queries"], r["rounds"]))
    if r.get("http", {}).get("wrk"):
        parts.append(http_section(r["http"]))
    if r.get("memory"):
        parts.append(memory_section(r["memory"]))
    if "http" in r:
        parts += [suggest_section(r), profile_section(r.get("profile"))]
    for note in r.get("notes", []):
        parts.append(f"- Note: {note}")
    return "\n".join(parts) + "\n"


# The profile stages the growth table follows: every stage but the two
# that contain the others (the search handler and the engine).
PROFILE_GROWTH_STAGES = [profile.REST_OF_ENGINE] + [name for name, _ in profile.STAGES[2:]] + [profile.OUTSIDE_HANDLER]


def summary_report(results):
    """How each cost grows from the smallest corpus to the largest."""
    def figure(r, path):
        value = r
        for key in path:
            if isinstance(value, list):
                value = next((v for v in value if v.get("engine") == key or v.get("connections") == key), None)
            elif isinstance(value, dict):
                value = value.get(key)
            if value is None:
                return None
        return value
    lines = [
        ("index: statements/s", ("index", "ours", "statements_per_s"), 0),
        ("index: omindex statements/s", ("index", "omindex", "statements_per_s"), 0),
        ("index MB", ("index", "ours", "index_mb"), 1),
        ("indexer peak RSS MB", ("index", "ours", "peak_rss_mb"), 0),
        ("in-process p50 ms (search+JSON)", ("latency", "ours/search+json", "p50_ms"), 3),
        ("in-process p99 ms (search+JSON)", ("latency", "ours/search+json", "p99_ms"), 3),
        ("FTS5 in-process p50 ms", ("latency", "sqlite_fts5/top10+snippet+count", "p50_ms"), 3),
        ("HTTP 1 connection p50 ms", ("http", "wrk", "FIRST", 1, "p50_ms"), 2),
        ("HTTP 1 connection p99 ms", ("http", "wrk", "FIRST", 1, "p99_ms"), 2),
        ("HTTP 64 connections req/s", ("http", "wrk", "FIRST", 64, "rps"), 0),
        ("searchd peak RSS MB", ("memory", "FIRST", "vmhwm_mb"), 1),
        ("omega CGI 64 connections req/s", ("http", "wrk", "omega CGI", 64, "rps"), 0),
    ] + [(f"profile: {stage.split(' (')[0]} %", ("profile", "stages", stage), 1) for stage in PROFILE_GROWTH_STAGES]
    sizes = [r["corpus"]["statements"] for r in results]
    rows = []
    for label, path, digits in lines:
        row = [label]
        values = []
        for r in results:
            resolved = []
            for key in path:
                if key == "FIRST":
                    container = figure(r, resolved)
                    key = next(iter(container)) if container else None
                resolved.append(key)
            values.append(figure(r, resolved))
            row.append(fmt(values[-1], digits))
        # A share of the profile does not grow; it shifts between stages.
        growth = None if path[0] == "profile" or len(values) < 2 or not values[0] or values[-1] is None \
            else values[-1] / values[0]
        row.append(fmt_ratio(growth) if growth is not None else "")
        rows.append(row)
    head = results[0]
    return (f"# Benchmark summary ({head['started']})\n\n"
            f"Machine: {head['machine']['nproc']} CPUs ({head['machine']['cpu']}), "
            f"{head['machine']['ram_gb']:.1f} GB RAM. Binaries: {head['build']} from {head['revision']}. "
            "Per-size details in the files beside this one.\n\n" +
            "The profile rows are inclusive shares of searchd's CPU samples under wrk at 16 connections, "
            "cache off (the per-size files list the top functions).\n\n" +
            table(["figure"] + [f"{s:,} statements" for s in sizes] + [f"{sizes[-1]:,} ÷ {sizes[0]:,}"], rows))
