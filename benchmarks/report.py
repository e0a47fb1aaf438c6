"""The run's outputs, all from one results dict: latest.json, the markdown report and the PNG plots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt

PROFILE_NOTES = Path(__file__).resolve().parent / "profile_notes.md"
"""Hand-written PROFILE findings (before/after a query change), appended to the report when present."""


def _spread(s: dict[str, Any], unit: str = "", digits: int = 1) -> str:
    """'median (p25–p75, n=…)' of a timing summary."""
    f = f"{{:.{digits}f}}"
    return (f"{f.format(s['median'])}{unit} ({f.format(s['p25'])}–{f.format(s['p75'])}, "
            f"min {f.format(s['min'])}, n={s['n']})")


def _fmt(value: Any, digits: int = 2) -> str:
    return "null" if value is None else f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def write_json(results: dict[str, Any], path: Path) -> None:
    """The results as indented JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def _meta_lines(meta: dict[str, Any]) -> list[str]:
    m = meta["machine"]
    return [
        f"- commit `{meta['commit']}`{' (uncommitted changes)' if meta['dirty'] else ''}, {meta['date']}, "
        f"mode `{meta['mode']}`, graph sizes {meta['sizes']} articles",
        f"- machine: {m['cpu_count']} × {m['cpu_model']}, load average at start {m['load_average']}; "
        f"Python {meta['python']}, Neo4j {meta['neo4j']}, driver {meta['neo4j_driver']}",
        f"- command: `{meta['command']}`",
    ]


def _extraction_lines(ex: dict[str, Any]) -> list[str]:
    return [
        "## Extraction", "",
        f"{ex['articles']} generated articles of ~{ex['words_per_article']:.0f} words, {ex['rounds']} "
        "interleaved rounds, CPU time of this process.", "",
        "| figure | median (p25–p75, min, n) |", "|---|---|",
        f"| extract, ms per article | {_spread(ex['ms_per_article'], ' ms', 2)} |",
        f"| bare tokenise + look-up, ms per article | {_spread(ex['baseline_ms_per_article'], ' ms', 3)} |",
        f"| articles/s per core | {_spread(ex['articles_per_s_per_core_spread'], '', 0)} |",
        f"| rate ÷ baseline's rate | {_spread(ex['ratio_vs_baseline_spread'], '', 3)} |",
        f"| start-up (registry, rules, first article) | {ex['startup_s']:.2f} s (once per process) |", "",
    ]


def _ingest_lines(ing: dict[str, Any]) -> list[str]:
    return [
        "## Ingest (writing, extraction excluded)", "",
        f"{ing['articles']} extracted articles = {ing['rows']} rows, {ing['rounds']} alternating rounds on an "
        f"empty database; baseline: batched `UNWIND $rows … MERGE`, {ing['batch_rows']} rows per transaction.",
        "", "| figure | median (p25–p75, min, n) |", "|---|---|",
        f"| writer, s | {_spread(ing['writer_s'], ' s', 2)} |",
        f"| raw UNWIND, s | {_spread(ing['raw_s'], ' s', 2)} |",
        f"| writer rows/s ÷ raw rows/s | {_spread(ing['ratio_vs_raw_unwind_spread'], '', 3)} |",
        f"| writer rows/s, raw rows/s | {ing['writer_rows_per_s']:.0f}, {ing['raw_rows_per_s']:.0f} |",
        f"| whole loader (extract + write, 1 process), articles/s | {ing['loader_articles_per_s_1_process']:.1f} |",
        f"| `--workers 2`, articles/s | {_fmt(ing['articles_per_s'])} ({ing['articles_per_s_note']}) |",
        f"| projected hours for 1M articles | {ing['projected_hours_1m_articles']:.1f} h "
        f"({ing['projection_basis']}) |", "",
    ]


def _api_lines(api: dict[str, Any], sizes: list[int]) -> list[str]:
    lines = ["## Reads (API over loopback vs the same Cypher through the driver)", "",
             "p50 over interleaved rounds, in ms, with (p25–p75, min, n). db hits from PROFILE of the query.", "",
             "| endpoint | articles | API ms | driver ms | ratio | db hits | c=1 p50 / rps | c=8 p50 / rps |",
             "|---|---|---|---|---|---|---|---|"]
    for name, ep in api.items():
        for size in sizes:
            at = ep["by_size"][str(size)]
            c1, c8 = at["load"]
            lines.append(
                f"| {name} | {size} | {_spread(at['api_ms'])} | {_spread(at['driver_ms'])} | "
                f"{at['p50_ratio_vs_driver']:.2f} | {at['db_hits']} | {c1['p50_ms']:.1f} / {c1['requests_per_s']:.0f}"
                f" | {c8['p50_ms']:.1f} / {c8['requests_per_s']:.0f} |")
    lines += ["", "| endpoint | p50 ratio vs driver (largest size) | growth key | p50 growth |", "|---|---|---|---|"]
    for name, ep in api.items():
        key = next(k for k in ep if k.startswith("p50_growth_"))
        lines.append(f"| {name} | {ep['p50_ratio_vs_driver']:.2f} | `{key}` | {_fmt(ep[key])} |")
    return [*lines, ""]


def write_markdown(results: dict[str, Any], path: Path, plots: list[Path]) -> None:
    """docs/benchmarks.md: machine, versions, every figure with its spread, and the plots."""
    meta = results["meta"]
    lines = ["# Benchmarks", "",
             "Written by `make bench` (benchmarks/run.py) together with benchmarks/results/latest.json and "
             "the plots below, all from the same run. Ratios are against baselines run in the same process, "
             "in interleaved rounds.", "", *_meta_lines(meta), "",
             *_extraction_lines(results["extraction"]), *_ingest_lines(results["ingest"]),
             *_api_lines(results["api"], meta["sizes"]), "## Plots", ""]
    lines += [f"![{p.stem}]({Path('..') / p.relative_to(path.parent.parent)})" if p.is_relative_to(path.parent.parent)
              else f"![{p.stem}]({p})" for p in plots]
    if PROFILE_NOTES.is_file():
        lines += ["", PROFILE_NOTES.read_text(encoding="utf-8").rstrip()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def plot(results: dict[str, Any], folder: Path) -> list[Path]:
    """PNGs of cost against size: API and driver p50 and db hits per graph size; extraction per length."""
    folder.mkdir(parents=True, exist_ok=True)
    sizes = results["meta"]["sizes"]
    out: list[Path] = []
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
    for name, ep in results["api"].items():
        api = [ep["by_size"][str(s)]["api_ms"]["median"] for s in sizes]
        drv = [ep["by_size"][str(s)]["driver_ms"]["median"] for s in sizes]
        line = ax1.plot(sizes, api, marker="o", label=f"{name} (API)")[0]
        ax1.plot(sizes, drv, marker="x", linestyle="--", color=line.get_color(), label=f"{name} (driver)")
        ax2.plot(sizes, [max(1, ep["by_size"][str(s)]["db_hits"]) for s in sizes], marker="o", label=name)
    for ax, title in ((ax1, "p50 latency, ms"), (ax2, "db hits per request (PROFILE)")):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("articles in the graph")
        ax.set_title(title)
        ax.legend(fontsize=7)
    out.append(folder / "reads_vs_size.png")
    fig.tight_layout()
    fig.savefig(out[-1], dpi=90)
    plt.close(fig)
    lengths = results["extraction"]["by_length"]
    fig, ax = plt.subplots(figsize=(5.5, 4))
    words = [row["words"] for row in lengths]
    ax.plot(words, [row["ms_per_article"] for row in lengths], marker="o", label="extract")
    ax.plot(words, [row["baseline_ms_per_article"] for row in lengths], marker="x", label="tokenise + look-up")
    ax.set_xlabel("words per article")
    ax.set_ylabel("CPU ms per article (median)")
    ax.set_title("extraction cost against article length")
    ax.legend()
    out.append(folder / "extraction_vs_length.png")
    fig.tight_layout()
    fig.savefig(out[-1], dpi=90)
    plt.close(fig)
    return out


def readme_figures(results: dict[str, Any]) -> str:
    """The README's "Figures" lines of a run (the headline figures; the spreads stay in docs/benchmarks.md)."""
    meta, ex, ing, api = results["meta"], results["extraction"], results["ingest"], results["api"]
    machine = meta["machine"]
    lines = [
        f"- **Figures** of the last `make bench` (default sizes, commit `{meta['commit'][:9]}`, {meta['date']}, "
        f"{machine['cpu_count']} × {machine['cpu_model']}, load average {machine['load_average']} at start, on a "
        "machine shared with other engineers; every figure with its spread is in docs/benchmarks.md):",
        f"  - extraction: **{ex['articles_per_s_per_core']:.0f} articles/s per core** on "
        f"{ex['words_per_article']:.0f}-word articles ({ex['ratio_vs_baseline']:.3f} × the bare tokenise + look-up "
        f"baseline, {ex['baseline_articles_per_s_per_core']:.0f}/s); below the issue's 500",
        f"  - ingest: **ratio_vs_raw_unwind {ing['ratio_vs_raw_unwind']:.2f}** (writer "
        f"{ing['writer_rows_per_s']:.0f} rows/s against raw {ing['raw_rows_per_s']:.0f}); one process "
        f"{ing['loader_articles_per_s_1_process']:.1f} articles/s; `--workers 2`: {ing['articles_per_s']:.1f} "
        f"articles/s; **{ing['projected_hours_1m_articles']:.1f} h for 1M articles** (one process)",
        "  - reads, p50 at each size (API ms / driver ms, db hits), ratio vs driver at the largest, growth:",
    ]
    for name, ep in api.items():
        sizes = sorted(ep["by_size"], key=int)
        cells = [f"{ep['by_size'][s]['api_ms']['median']:.1f}/{ep['by_size'][s]['driver_ms']['median']:.1f} "
                 f"({ep['by_size'][s]['db_hits']})" for s in sizes]
        c8 = next((lo for lo in ep["by_size"][sizes[-1]]["load"] if lo["concurrency"] == 8), None)
        growth = {k: v for k, v in ep.items() if k.startswith("p50_growth")}
        tail = f"; c=8: p50 {c8['p50_ms']:.0f} ms, {c8['requests_per_s']:.1f} req/s" if c8 else ""
        lines.append(f"    - {name}: {' → '.join(cells)}; ratio {ep['p50_ratio_vs_driver']:.2f}; "
                     + "; ".join(f"{k} {v:.2f}" for k, v in growth.items()) + tail)
    return "\n".join(lines)


if __name__ == "__main__":  # `python -m benchmarks.report`: the README lines of benchmarks/results/latest.json
    print(readme_figures(json.loads((Path(__file__).resolve().parent / "results" / "latest.json").read_text())))
