"""The synthetic corpus of one size, generated once per seed and size."""
import json
import pathlib

from .common import log, run, tree_bytes

SEED = 1
# English txt only: the one format and language that all three engines read
# the same way (omindex indexes .txt as plain text; FTS5 gets the same files).
FORMATS = "txt"
LANGUAGES = "en"
TEXT_SUFFIXES = {".txt", ".md"}


def generate(tools, work, size):
    """Returns facts of the corpus at work/corpus-SIZE, generating it if needed."""
    folder = pathlib.Path(work) / f"corpus-{size}"
    truth = pathlib.Path(work) / f"truth-{size}.jsonl"
    if not (folder / ".gen_corpus").exists() or not truth.exists():
        log(f"generating {size} statements (seed {SEED})")
        folder.parent.mkdir(parents=True, exist_ok=True)
        run([tools.gen_corpus, "--count", size, "--seed", SEED, "--formats", FORMATS, "--languages", LANGUAGES,
             "--out", folder, "--truth", truth, "--clean", "--quiet"])
    records = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {
        "path": folder,
        "statements": len(records),
        "paragraphs": sum(r.get("paragraphs", 0) for r in records),
        "mb": tree_bytes(folder, TEXT_SUFFIXES) / 1e6,
    }
