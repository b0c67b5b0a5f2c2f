#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""backtest.py BUILD_DIR SEEDS FIRST -- the simulation behind scripts/backtest (read it there)."""
import csv, io, os, subprocess, sys, tempfile
from collections import defaultdict

build, nseeds, first = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
J, SYNTH = os.path.join(build, "jixiao"), os.path.join(build, "jixiao-synth")
YEARS, FIRST_YEAR = 9, 2016


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def rows(*args):
    text = run(*args)
    return list(csv.DictReader(io.StringIO("".join(l for l in text.splitlines(True) if not l.startswith("#")))))


def actual_rates(db):
    """(department, year) -> {'': total rate, (l1, l2, l3): rate} from the canonical export."""
    pts = defaultdict(lambda: [0.0, 0.0, False])
    for r in rows(J, "--db", db, "export", "--format", "csv"):
        if r.get("kind", "self") != "self":
            continue
        dept, year = r["department"], int(r["year"])
        for k in ("", (r["level1"], r["level2"], r["level3"])):
            p = pts[(dept, year, k)]
            p[0] += float(r["weight"])
            if r["score"] == "":
                p[2] = True
            else:
                p[1] += float(r["score"])
    out = defaultdict(dict)
    for (dept, year, k), (w, s, missing) in pts.items():
        if not missing and w > 0:
            out[(dept, year)][k] = s / w
    return out


stats = defaultdict(int)
for seed in range(first, first + nseeds):
    with tempfile.TemporaryDirectory() as tmp:
        run(SYNTH, "--seed", str(seed), "--no-reports", "--out-dir", tmp, "--truth", tmp + "/truth.csv")
        truth = {r["department"]: r["trend"] for r in csv.DictReader(open(tmp + "/truth.csv"))}
        db = tmp + "/b.db"
        run(J, "--db", db, "import", "-q", tmp + "/scores.csv", tmp + "/figures.csv")
        run(J, "--db", db, "alias", "add", "--file", tmp + "/aliases.csv")
        for r in rows(J, "--db", db, "trend", "--all-departments", "--level", "total", "--format", "csv"):
            t, d = truth[r["department"]], r["direction"]
            stats["n_" + t] += 1
            stats[t + "_" + d] += 1
        rates = actual_rates(db)
        for year in range(FIRST_YEAR + 3, FIRST_YEAR + YEARS):
            for dept in truth:
                try:
                    fc = rows(J, "--db", db, "forecast", "--dept", dept, "--years", f"{FIRST_YEAR}-{year - 1}",
                              "--year", str(year), "--format", "csv")
                except subprocess.CalledProcessError:
                    stats["no_forecast"] += 1
                    continue
                for r in fc:
                    if r["level"] not in ("total", "3") or not r["method"]:
                        continue
                    key = "" if r["level"] == "total" else (r["level1"], r["level2"], r["level3"])
                    got = rates.get((dept, year), {}).get(key)
                    if got is None:
                        continue
                    lo, hi = float(r["pi_low"]), float(r["pi_high"])
                    lvl = "total" if r["level"] == "total" else "ind"
                    tag = f"{lvl}_{r['method']}"
                    stats["fc_" + tag] += 1
                    stats["in_" + tag] += lo - 1e-9 <= got <= hi + 1e-9
                    stats["zero_width"] += hi - lo <= 1e-12
                    stats["width_" + tag + "_x1000"] += round(1000 * (hi - lo))
    sys.stderr.write(f"\rseed {seed}")
sys.stderr.write("\n")


def share(a, b):
    return f"{stats[a]}/{stats[b]} = {100 * stats[a] / stats[b]:.1f}%" if stats[b] else "-"


lines = [f"backtest: {nseeds} seeds from {first}, 13 departments x {YEARS} years each",
         "trend --all-departments --level total (BH across departments, alpha 0.05):",
         f"  trendless called rising or falling: "
         f"{stats['stable_rising'] + stats['stable_falling']}/{stats['n_stable']} = "
         f"{100 * (stats['stable_rising'] + stats['stable_falling']) / max(1, stats['n_stable']):.1f}% (goal <= 10%)",
         f"  declining found falling: {share('decline_falling', 'n_decline')}; called rising: {stats['decline_rising']}",
         f"  improving found rising: {share('improve_rising', 'n_improve')}; called falling: {stats['improve_falling']}",
         "forecast of year Y fitted on years <= Y-1, nominal 95%:"]
for lvl, name in (("total", "total"), ("ind", "indicators")):
    for m in ("logit_trend", "pooled_changes"):
        tag = f"{lvl}_{m}"
        if stats["fc_" + tag]:
            lines.append(f"  {name:10} {m:14} coverage {share('in_' + tag, 'fc_' + tag)}, mean width "
                         f"{stats['width_' + tag + '_x1000'] / 1000 / stats['fc_' + tag]:.3f}")
    n = stats[f"fc_{lvl}_logit_trend"] + stats[f"fc_{lvl}_pooled_changes"]
    k = stats[f"in_{lvl}_logit_trend"] + stats[f"in_{lvl}_pooled_changes"]
    lines.append(f"  {name:10} all            coverage {k}/{n} = {100 * k / max(1, n):.1f}% (goal 90-98%)")
lines.append(f"  zero-width intervals: {stats['zero_width']} (goal 0); department-years without any: {stats['no_forecast']}")
text = "\n".join(lines)
print(text)
open(os.path.join(build, "backtest.txt"), "w").write(text + "\n")
