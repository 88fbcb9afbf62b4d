"""In-process query latency (bench/query_latency.cc, Google Benchmark) and
the per-query cost of Xapian's quest command line over omindex's database."""
import json
import time

from .common import log, percentile, run


def in_process(tools, stub, omindex_db, fts5_db, queries_file, rounds):
    log("in-process query latency (query_latency)")
    cmd = [tools.query_latency, f"--db={stub}", f"--queries={queries_file}", f"--rounds={rounds}",
           "--benchmark_format=json"]
    if omindex_db:
        cmd.append(f"--omindex={omindex_db}")
    if fts5_db:
        cmd.append(f"--fts5={fts5_db}")
    report = json.loads(run(cmd).stdout)
    figures = {}
    for entry in report["benchmarks"]:
        # Counters are named ENGINE:FIGURE (query_latency asks every engine each query in turn).
        for name, value in entry.items():
            if ":" in name:
                engine, figure = name.split(":", 1)
                figures.setdefault(engine, {})[figure] = value
    return figures


def quest_cli(omindex_db, queries):
    """A process per query, as omega's CGI is: quest -m 10 with AND as the default operator."""
    log("quest per-query command line")
    times, errors = [], 0
    for query in queries:
        start = time.perf_counter()
        try:
            run(["quest", "-d", omindex_db, "-m", "10", "-o", "and", "-f", "default,boolean,phrase,lovehate",
                 query["q"]])
        except RuntimeError:
            errors += 1
        times.append((time.perf_counter() - start) * 1000)
    return {"p50_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95),
            "p99_ms": percentile(times, 0.99), "errors": errors}
