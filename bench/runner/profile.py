"""Where searchd's time goes under load, from perf record with DWARF call
graphs: inclusive shares of the engine's stages and of JSON, the rest being
HTTP, threads and the kernel."""
import re
import subprocess

from .common import log, run

# Stage -> pattern of the function whose inclusive time is that stage (perf
# shows names without parameter lists).
STAGES = [
    ("search handler (get_search)", r"^searchd::.*get_search$"),
    ("engine (Searcher::search)", r"^stmt::Searcher::search$"),
    ("query parsing (QueryBuilder::build)", r"^stmt::QueryBuilder::build$"),
    ("counting (count_matches)", r"^stmt::(support::)?count_matches$"),
    ("snippets (snippet_for)", r"^stmt::(support::)?snippet_for$"),
    ("facet shaping (shape_facets)", r"^stmt::(support::)?shape_facets"),
    ("JSON building (to_json)", r"^stmt::to_json$"),
    ("JSON writing (dump)", r"^nlohmann::.*basic_json<.*>::dump$"),
]
# The two shares computed from the others.
REST_OF_ENGINE = "rest of the engine: ranked match, documents, suggestion (engine - the four above)"
OUTSIDE_HANDLER = "HTTP, threads, kernel, other (100 - search handler)"
SAMPLE_HZ = 400


def record(pid, seconds, data_file, load):
    """Profiles pid for `seconds` while load() runs; returns False without perf."""
    try:
        perf = subprocess.Popen(["perf", "record", "-F", str(SAMPLE_HZ), "--call-graph", "dwarf,16384", "-p",
                                 str(pid), "-o", str(data_file), "--", "sleep", str(seconds)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except FileNotFoundError:
        return False
    load()
    perf.wait()
    return perf.returncode == 0


def summarise(data_file):
    log("summarising the profile (perf report)")
    report = run(["perf", "report", "-i", data_file, "--children", "--stdio", "-g", "none", "--percent-limit", "0",
                  "--sort", "symbol"]).stdout
    rows = []
    for line in report.splitlines():
        match = re.match(r"\s*([\d.]+)%\s+([\d.]+)%\s+\[[.k]\]\s+(.*?)[\s-]*$", line)
        if match:
            rows.append((float(match.group(1)), float(match.group(2)), match.group(3)))
    stages = {}
    for name, pattern in STAGES:
        inclusive = [children for children, _, sym in rows if re.search(pattern, sym)]
        stages[name] = max(inclusive) if inclusive else None
    share = {name: stages[name] or 0.0 for name, _ in STAGES}
    names = [name for name, _ in STAGES]
    engine, handler = share[names[1]], share[names[0]]
    inner = share[names[2]] + share[names[3]] + share[names[4]] + share[names[5]]
    stages[REST_OF_ENGINE] = max(0.0, engine - inner)
    stages[OUTSIDE_HANDLER] = max(0.0, 100 - handler) if handler else None
    top_self = sorted(rows, key=lambda r: -r[1])[:12]
    samples = re.search(r"# Samples: (\S+)", report)
    return {"stages": stages, "samples": samples.group(1) if samples else "?",
            "top_self": [(self_pct, sym[:110]) for _, self_pct, sym in top_self]}
