"""Speed benchmark: our matcher against bare rapidfuzz ``extractOne``, per question, on two knowledge bases.

    python bench/speed.py [--queries N] [--large-queries M] [--quick]

Prints markdown tables ready for the README:

* time per question (median and p99, in µs) on the article's knowledge base and on a synthetic one of
  10,000 entries / 50,000 questions (bench/synthetic.py), for our ``Matcher`` and for
  ``process.extractOne`` with ``fuzz.WRatio`` and with ``fuzz.token_set_ratio`` (both with
  ``utils.default_process``) over the same curated question strings, as ratios from this one run;
* top-1 accuracy on perturbed copies of the curated questions (typos, a dropped word, swapped words);
* the matcher's build time and memory (tracemalloc) on the large knowledge base.

Method: the contenders answer the same queries in the same process, interleaved per query (their
order rotates from one query to the next so none always runs on a cache the previous one warmed).
Each call is timed alone with ``time.perf_counter_ns``; reading the result happens outside the timed
span. Every contender first answers warm-up queries drawn with another seed, so the matcher's
typo-correction cache is not pre-filled with the measured queries' typos. The garbage collector stays
on, as in the bot; it is run once before each timed loop. p99 is the nearest-rank 99th percentile.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import rapidfuzz
from rapidfuzz import fuzz, process, utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import PERTURBATIONS, synthetic_entries

from bot.config import BUNDLED_KNOWLEDGE
from bot.core.loader import load_knowledge
from bot.core.matcher import Decision, Matcher, MatcherSettings
from bot.core.models import Entry

# Every question is timed several times: the matcher's cache of results for questions asked again would
# time a dictionary lookup, so it is off here (the load benchmark measures the bot with it on).
UNCACHED = MatcherSettings(cached_questions=0)

SEED = 7
WARMUP_SEED = 8
CURATED = "curated (as written)"
OURS = "ours (Matcher)"
WRATIO = "extractOne WRatio"
TOKEN_SET = "extractOne token_set_ratio"
P99_TARGET_US = 1_000
SPEEDUP_TARGET = 10


@dataclass(frozen=True, slots=True)
class Query:
    """A question to ask, the entry whose curated question it came from, and how it was changed."""

    text: str
    expected: str
    kind: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """One timed call: nanoseconds, the top-ranked entry (if any), and whether it was a confident answer."""

    ns: int
    top: str | None
    answered: bool


Contender = Callable[[str], Outcome]


@dataclass(slots=True)
class Run:
    """Every contender's outcomes on the same queries, in query order."""

    queries: Sequence[Query]
    outcomes: dict[str, list[Outcome]] = field(default_factory=dict)

    def times_us(self, name: str, kind: str | None = None) -> list[float]:
        """Per-call times of ``name`` in µs, optionally for one kind of query only."""
        return [o.ns / 1000 for q, o in zip(self.queries, self.outcomes[name], strict=True) if kind in (None, q.kind)]


# -- contenders -------------------------------------------------------------------------------------


def ours(matcher: Matcher) -> Contender:
    """Our matcher: the top candidate, and whether the decision fits it (ANSWER, or NOT_COVERED for such an entry)."""

    def call(query: str) -> Outcome:
        start = time.perf_counter_ns()
        result = matcher.match(query)
        ns = time.perf_counter_ns() - start
        best = result.best
        fitting = Decision.ANSWER if best is None or best.entry.covered else Decision.NOT_COVERED
        return Outcome(ns, best.entry.id if best else None, result.decision is fitting)

    return call


def extract_one(entries: Sequence[Entry], scorer: Callable[..., float]) -> Contender:
    """Bare ``process.extractOne`` over a plain list of every curated question string."""
    choices = [question for entry in entries for question in entry.questions]
    owners = [entry.id for entry in entries for _ in entry.questions]

    def call(query: str) -> Outcome:
        start = time.perf_counter_ns()
        found = process.extractOne(query, choices, scorer=scorer, processor=utils.default_process)
        ns = time.perf_counter_ns() - start
        return Outcome(ns, owners[found[2]] if found is not None else None, found is not None)

    return call


def contenders(entries: Sequence[Entry], matcher: Matcher) -> dict[str, Contender]:
    """Ours and the two baselines, in the order the tables list them."""
    return {
        OURS: ours(matcher),
        WRATIO: extract_one(entries, fuzz.WRatio),
        TOKEN_SET: extract_one(entries, fuzz.token_set_ratio),
    }


# -- queries ----------------------------------------------------------------------------------------


def perturbed(entries: Sequence[Entry], count: int, rng: random.Random) -> Iterator[Query]:
    """``count`` perturbed copies of random curated questions, the kinds of perturbation taking turns."""
    kinds = list(PERTURBATIONS)
    for i in range(count):
        entry = rng.choice(entries)
        kind = kinds[i % len(kinds)]
        yield Query(PERTURBATIONS[kind](rng.choice(entry.questions), rng), entry.id, kind)


def article_queries(entries: Sequence[Entry], count: int, seed: int) -> list[Query]:
    """Curated questions in turn, every other query replaced by a perturbed copy of a random one."""
    curated = [Query(q, entry.id, CURATED) for entry in entries for q in entry.questions]
    changed = perturbed(entries, count, random.Random(seed))
    return [curated[(i // 2) % len(curated)] if i % 2 == 0 else next(changed) for i in range(count)]


# -- measuring --------------------------------------------------------------------------------------


def measure(players: dict[str, Contender], queries: Sequence[Query], warmup: Sequence[Query]) -> Run:
    """Warm every contender up, then time them on each query in a rotating order."""
    for query in warmup:
        for call in players.values():
            call(query.text)
    names = list(players)
    run = Run(queries, {name: [] for name in names})
    gc.collect()
    for i, query in enumerate(queries):
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            run.outcomes[name].append(players[name](query.text))
    return run


def p99(values: Sequence[float]) -> float:
    """Nearest-rank 99th percentile."""
    ordered = sorted(values)
    return ordered[max(math.ceil(0.99 * len(ordered)) - 1, 0)]


def build_times(entries: Sequence[Entry], repeats: int) -> list[float]:
    """Seconds to build ``Matcher(entries)``, ``repeats`` times."""
    times: list[float] = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter_ns()
        Matcher(entries)
        times.append((time.perf_counter_ns() - start) / 1e9)
    return times


@dataclass(frozen=True, slots=True)
class Memory:
    """Bytes traced by tracemalloc (Python allocations; rapidfuzz's C++ buffers are not seen)."""

    build_peak: int
    retained: int
    strings_list: int
    strings_deep: int


def memory(entries: Sequence[Entry]) -> Memory:
    """Peak during ``Matcher(entries)`` and what it keeps, beside a plain list of the question strings."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        matcher = Matcher(entries)
        gc.collect()
        current, peak = tracemalloc.get_traced_memory()
        build_peak, retained = peak - before, current - before
        del matcher
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        strings = [question for entry in entries for question in entry.questions]
        strings_list = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    strings_deep = sys.getsizeof(strings) + sum(sys.getsizeof(s) for s in strings)
    return Memory(build_peak, retained, strings_list, strings_deep)


# -- printing ---------------------------------------------------------------------------------------


def mib(size: int) -> str:
    """Bytes as MiB with two decimals."""
    return f"{size / 2**20:,.2f} MiB"


def speed_table(runs: dict[str, Run]) -> None:
    """Median and p99 per knowledge base and contender, with ratios to ours."""
    print("| knowledge base | contender | median µs | p99 µs | median x ours | p99 x ours |")
    print("|---|---|---:|---:|---:|---:|")
    for label, run in runs.items():
        base = run.times_us(OURS)
        base_median, base_p99 = statistics.median(base), p99(base)
        for name in run.outcomes:
            times = run.times_us(name)
            median, tail = statistics.median(times), p99(times)
            print(
                f"| {label} | {name} | {median:,.0f} | {tail:,.0f} | "
                f"{median / base_median:,.1f}x | {tail / base_p99:,.1f}x |"
            )


def kind_table(runs: dict[str, Run]) -> None:
    """Our matcher's time per kind of query: typo correction is the slow path."""
    print("| knowledge base | query kind | queries | median µs | p99 µs |")
    print("|---|---|---:|---:|---:|")
    for label, run in runs.items():
        for kind in dict.fromkeys(q.kind for q in run.queries):
            times = run.times_us(OURS, kind)
            print(f"| {label} | {kind} | {len(times)} | {statistics.median(times):,.0f} | {p99(times):,.0f} |")


def accuracy_table(label: str, run: Run) -> dict[str, float]:
    """Top-1 hit rate per kind of query and overall; returns the overall rates by column."""
    columns = [f"{OURS} top-1", f"{OURS} decided & right", f"{WRATIO} top-1", f"{TOKEN_SET} top-1"]
    print(f"**{label}**\n")
    print("| query kind | queries | " + " | ".join(columns) + " |")
    print("|---|---:|" + "---:|" * len(columns))
    overall: dict[str, float] = {}
    kinds = [*dict.fromkeys(q.kind for q in run.queries), "**all**"]
    for kind in kinds:
        picked = [i for i, q in enumerate(run.queries) if kind in ("**all**", q.kind)]

        def rate(name: str, *, answered: bool = False, picked: list[int] = picked) -> float:
            outcomes = run.outcomes[name]
            hits = sum(
                outcomes[i].top == run.queries[i].expected and (outcomes[i].answered or not answered) for i in picked
            )
            return hits / len(picked)

        rates = [rate(OURS), rate(OURS, answered=True), rate(WRATIO), rate(TOKEN_SET)]
        cells = [f"{r:.1%} ({round(r * len(picked))})" for r in rates]
        print(f"| {kind} | {len(picked)} | " + " | ".join(cells) + " |")
        overall = dict(zip(columns, rates, strict=True))
    print()
    return overall


def verdict(ok: bool) -> str:
    """A target's status."""
    return "met" if ok else "**not met**"


def main() -> None:
    """Run every measurement and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=None, help="queries on the article KB (default 2000)")
    parser.add_argument("--large-queries", type=int, default=None, help="queries on the large KB (default 300)")
    parser.add_argument("--quick", action="store_true", help="fewer queries (300 / 60) and one build per size")
    args = parser.parse_args()
    article_count = args.queries or (300 if args.quick else 2000)
    large_count = args.large_queries or (60 if args.quick else 300)
    repeats = 1 if args.quick else 3
    started = time.perf_counter()

    # The article first, while the synthetic entries do not yet exist: the bot holds only the article's,
    # and a full garbage collection over 10,000 extra entries would land in its tail.
    article = load_knowledge([BUNDLED_KNOWLEDGE]).entries
    article_run = measure(
        contenders(article, Matcher(article, settings=UNCACHED)),
        article_queries(article, article_count, SEED),
        article_queries(article, 200, WARMUP_SEED)[1::2],
    )
    article_builds = build_times(article, repeats)

    gc.collect()
    tracemalloc.start()
    large = synthetic_entries()
    kb_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    large_matcher = Matcher(large, settings=UNCACHED)
    for query in perturbed(large, 500, random.Random(WARMUP_SEED + 1)):  # ours is cheap to warm up more
        large_matcher.match(query.text)
    large_run = measure(
        contenders(large, large_matcher),
        list(perturbed(large, large_count, random.Random(SEED))),
        list(perturbed(large, 8, random.Random(WARMUP_SEED))),
    )
    large_builds = build_times(large, repeats)
    mem = memory(large)
    article_label = f"article ({len(article)} entries, {sum(len(e.questions) for e in article):,} questions)"
    large_label = f"synthetic ({len(large):,} entries, {sum(len(e.questions) for e in large):,} questions)"

    cpu = platform.processor() or platform.machine()
    print(
        f"Python {platform.python_version()}, rapidfuzz {rapidfuzz.__version__}, {platform.system()} {cpu}, "
        f"{os.cpu_count()} CPUs; {article_count:,} queries on the article KB, "
        f"{large_count:,} on the synthetic one.\n"
    )
    print("### Time per question\n")
    runs = {article_label: article_run, large_label: large_run}
    speed_table(runs)
    print("\nOur matcher by kind of query:\n")
    kind_table(runs)

    print("\n### Top-1 accuracy on perturbed questions\n")
    print(
        "Top-1: the best-ranked entry is the one whose curated question was perturbed, whatever the "
        "decision. Decided & right: our matcher also decided ANSWER (or NOT_COVERED for a not-covered entry)."
        " In brackets: how many queries.\n"
    )
    accuracy_table(article_label, article_run)
    large_rates = accuracy_table(large_label, large_run)

    print("### Build time and memory\n")
    print("| knowledge base | Matcher build, median | builds |")
    print("|---|---:|---:|")
    for label, times in ((article_label, article_builds), (large_label, large_builds)):
        print(f"| {label} | {statistics.median(times) * 1000:,.1f} ms | {len(times)} |")
    print(f"\nMemory on the synthetic KB (tracemalloc; its {len(large):,} `Entry` objects: {mib(kb_bytes)}):\n")
    print("| what | size |")
    print("|---|---:|")
    print(f"| Matcher build, peak | {mib(mem.build_peak)} |")
    print(f"| Matcher, retained after build | {mib(mem.retained)} |")
    print(f"| plain list of the question strings, list only (strings shared) | {mib(mem.strings_list)} |")
    print(f"| plain list of the question strings, with the strings | {mib(mem.strings_deep)} |")

    ours_article = article_run.times_us(OURS)
    ours_large, wratio_large = large_run.times_us(OURS), large_run.times_us(WRATIO)
    speedup = statistics.median(wratio_large) / statistics.median(ours_large)
    speedup_p99 = p99(wratio_large) / p99(ours_large)
    ours_top1 = large_rates[f"{OURS} top-1"]
    print("\n### Targets\n")
    print("| target | measured | status |")
    print("|---|---:|---|")
    print(
        f"| p99 under {P99_TARGET_US:,} µs on the article KB | {p99(ours_article):,.0f} µs | "
        f"{verdict(p99(ours_article) < P99_TARGET_US)} |"
    )
    print(
        f"| ≥ {SPEEDUP_TARGET}x faster than extractOne WRatio, synthetic KB (median) | {speedup:,.1f}x | "
        f"{verdict(speedup >= SPEEDUP_TARGET)} |"
    )
    print(
        f"| ≥ {SPEEDUP_TARGET}x faster than extractOne WRatio, synthetic KB (p99) | {speedup_p99:,.1f}x | "
        f"{verdict(speedup_p99 >= SPEEDUP_TARGET)} |"
    )
    for name in (WRATIO, TOKEN_SET):
        theirs = large_rates[f"{name} top-1"]
        print(
            f"| top-1 on perturbed synthetic questions ≥ {name} | {ours_top1:.1%} vs {theirs:.1%} | "
            f"{verdict(ours_top1 >= theirs)} |"
        )
    print(f"\n_Run took {time.perf_counter() - started:,.0f} s._")


if __name__ == "__main__":
    main()
