"""Index benchmark: our indexer, omindex and an SQLite FTS5 loader over the
same files, each under /usr/bin/time -v."""
import os
import shutil

from .common import log, timed, tree_bytes


def _figures(name, measured, index_path, corpus):
    wall = measured["wall_s"] or 1e-9
    return {
        "engine": name,
        "wall_s": measured["wall_s"],
        "statements_per_s": corpus["statements"] / wall,
        "mb_per_s": corpus["mb"] / wall,
        "index_mb": tree_bytes(index_path) / 1e6,
        "peak_rss_mb": measured["peak_rss_mb"],
        "cpu_percent": measured["cpu_percent"],
    }


def build_ours(tools, corpus, work, size):
    folder = work / f"ours-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    stub = folder / "library.db"
    cmd = [tools.indexer, "build", corpus["path"], "--db", stub]
    if tools.features["indexer_jobs"]:
        cmd += ["--jobs", str(os.cpu_count())]
    log(f"indexing {size}: ours ({' '.join(map(str, cmd[1:2] + cmd[4:]))})")
    figures = _figures("ours", timed(cmd), folder, corpus)
    return figures, stub


def build_omindex(corpus, work, size):
    db = work / f"omindex-{size}"
    shutil.rmtree(db, ignore_errors=True)
    # The corpus as a site tree: statements are .txt (and folder .md); the
    # vocabulary, manifest and generator marker are not pages.
    cmd = ["omindex", "--db", db, "--url", "/", "--empty-docs=skip",
           "-M", "md:text/plain", "-M", "yaml:skip", "-M", "csv:skip",
           "-G", ".gen_corpus:skip", corpus["path"]]
    log(f"indexing {size}: omindex")
    return _figures("omindex", timed(cmd), db, corpus), db


def build_fts5(tools, corpus, work, size):
    db = work / f"fts5-{size}.sqlite"
    log(f"indexing {size}: SQLite FTS5")
    return _figures("sqlite_fts5", timed([tools.fts5_load, corpus["path"], db]), db, corpus), db
