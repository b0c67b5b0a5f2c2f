#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# overview_plot.sh -- `jixiao overview --plot DIR`: the five charts of the finance
# bureau's view drawn by gnuplot. On the bundled data, the numbers written for
# gnuplot (the data blocks and arrays of each script) are checked against the
# views of `overview --format csv`; each SVG is non-empty, has its title and the
# synthetic mark; the rank chart names no department in its title and its axis is
# fitted to the data. Then hostile department names (quotes, backslashes,
# `set`/`system` injection, backticks) go through every chart as text: each is one
# quoted string expression in the script, gnuplot runs nothing and the SVG shows
# the names literally. (A name with a line break is refused at import; the
# quoting of control characters is test_plot's.)
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"
. "$(dirname "$0")/lib.sh"
command -v gnuplot >/dev/null || skip "gnuplot is not installed"

data="$JX_SOURCE_DIR/datasets"
run_db="$tmp/o.db"
run 0 init
run 0 import "$data/synthetic/scores.csv" "$data/synthetic/figures.csv" \
	"$data/real/2023_nanjing_psb_narcotics_detachment.csv"
run 0 alias add --file "$data/synthetic/aliases.csv"

for v in matrix weak gap distribution; do
	run 0 overview --view "$v" --format csv
	cp "$tmp/out" "$tmp/$v.csv"
done
run 0 --lang en overview --plot "$tmp/charts" --image svg --script "$tmp/gp" --sort rate --top 10
for c in grades heat weak gap rank; do
	grep -qx "$tmp/charts/$c.svg" "$tmp/out" || fail "$c.svg not listed: $(cat "$tmp/out")"
	[ -s "$tmp/gp/$c.gp" ] || fail "no script $c.gp"
done

python3 - "$tmp" <<'PY' || fail "the charts' data differ from the overview's views"
import csv, math, re, sys
tmp = sys.argv[1]

def gp_string(e):
    """Decode jx_plot_quote: 'piece'.sprintf('%c',39).'piece' ..."""
    out, i, q = "", 0, "sprintf('%c',39)"
    while i < len(e):
        if e.startswith(q, i):
            out, i = out + "'", i + len(q)
        elif e[i] == "'":
            j = e.index("'", i + 1)
            out, i = out + e[i + 1:j], j + 1
        elif e[i] == ".":
            i += 1
        else:
            raise ValueError(e)
    return out

def script(name):
    arrays, blocks, var = {}, {}, {}
    lines = open(f"{tmp}/gp/{name}.gp", encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines) and not lines[i].startswith("# ---- template"):
        l = lines[i]
        m = re.match(r"^\$(\w+) << EOD$", l)
        if m:
            j = lines.index("EOD", i)
            blocks[m.group(1)] = lines[i + 1:j]
            i = j + 1
            continue
        m = re.match(r"^(\w+)\[(\d+)\] = (.*)$", l)
        if m:
            v = m.group(3)
            arrays.setdefault(m.group(1), {})[int(m.group(2))] = gp_string(v) if v.startswith(("'", "sprintf")) else float(v)
        else:
            m = re.match(r"^(\w+) = (.*)$", l)
            if m:
                v = m.group(2)
                var[m.group(1)] = gp_string(v) if v.startswith(("'", "sprintf")) else v
        i += 1
    return arrays, blocks, var

def rows(name):
    return list(csv.DictReader(l for l in open(f"{tmp}/{name}.csv", encoding="utf-8") if not l.startswith("#")))

def pct(r):
    return 100 * float(r["total_score"]) / float(r["total_weight"]) if r["total_score"] else None

def close(a, b, tol=0.051):
    return (a is None and math.isnan(b)) or (a is not None and abs(a - b) <= tol)

matrix = rows("matrix")
years = sorted({int(r["year"]) for r in matrix})
latest = years[-1]
for name in ("grades", "heat", "weak", "gap", "rank"):
    _, _, var = script(name)
    assert var["synthetic"] == "1", name

# grades: per year, departments per grade summed over the peer groups of the distribution
a, b, var = script("grades")
bands = [a["band_name"][k] for k in sorted(a["band_name"])]
want = {}
for r in rows("distribution"):
    counts = dict(kv.split(":") for kv in r["grades"].split(";"))
    w = want.setdefault(int(r["year"]), [0] * (len(bands) + 1))
    for k, g in enumerate(bands + ["unknown"]):
        w[k] += int(counts[g])
got = {int(l.split()[0]): [int(x) for x in l.split()[1:]] for l in b["grades"]}
assert got == want, (got, want)
assert var["title_text"] == "Departments per grade and year", var["title_text"]

# heat: the 10 best by their latest rate (--sort rate --top 10), every year's rate and grade
a, b, var = script("heat")
names = [a["department"][k] for k in sorted(a["department"])]
assert len(names) == 10, names
own = {}  # each department's own latest year with a known total (--sort rate)
for r in sorted(matrix, key=lambda r: int(r["year"])):
    if r["total_score"]:
        own[r["department"]] = r
last = sorted(own.values(), key=lambda r: (-pct(r), r["department"]))
assert names == [r["department"] for r in last[:10]], (names, [r["department"] for r in last[:10]])
cells = {(r["department"], int(r["year"])): r for r in matrix}
seen = 0
for l in b["heat"]:
    y, row, rate, band = l.split()
    r = cells[(names[int(row)], int(y))]
    assert close(pct(r), float(rate)), (l, r)
    assert (bands.index(r["grade"]) + 1 if r["grade"] else 0) == int(band), (l, r)
    seen += 1
assert seen == sum(1 for k in cells if k[0] in names), seen
assert "10 of 14 departments" in var["note_text"], var["note_text"]
assert var["title_text"] == "Score rate per department and year", var["title_text"]

# weak: the first 8 indicators of the weak view, each year's share as deducted/present
a, b, var = script("weak")
weak = rows("weak")
shown = [a["indicator"][k] for k in sorted(a["indicator"])]
assert shown == [r["level3"] for r in weak[:8]], (shown, weak[:8])
sets, cur = [], []
for l in b["shares"] + [""]:
    if l.strip():
        cur.append(l.split())
    elif cur:
        sets.append(cur)
        cur = []
assert len(sets) == len(shown), len(sets)
for r, s in zip(weak, sets):
    want = [tuple(map(int, re.match(r"(\d+) (\d+)/(\d+)", p).groups())) for p in r["shares"].split("; ")]
    got = [(int(y), int(d), int(n)) for y, share, d, n in s]
    assert got == want, (r["level3"], got, want)
    for y, share, d, n in s:
        assert abs(float(share) - 100 * int(d) / int(n)) < 1e-9

# gap: self - review of each point is the department's mean gap; red and named = over-scoring
a, b, var = script("gap")
gap = rows("gap")
assert len(b["gap"]) == len(gap), (len(b["gap"]), len(gap))
for l, r in zip(b["gap"], gap):
    x, y, over = l.split()
    assert abs((float(y) - float(x)) - float(r["mean_gap_pp"])) < 0.051, (l, r)
    assert (over == "1") == (r["verdict"] == "over-scoring"), (l, r)
labels = [a["label"][k] for k in sorted(a.get("label", {}))]
assert labels == [r["department"] for r in gap if r["verdict"] == "over-scoring"], labels
assert any(r["verdict"] == "over-scoring" for r in gap), "the fixture has an over-scoring department"

# rank: the latest year's ranks and rates, best first; with --top 10 of 12, the best 5 and
# the worst 5, each named with its rank; no department in the title; axis fitted
a, b, var = script("rank")
ranked = sorted((r for r in matrix if int(r["year"]) == latest and r["rank"]),
                key=lambda r: (int(r["rank"]), r["department"]))
assert len(ranked) == 12, len(ranked)
ranked = ranked[:5] + ranked[-5:]
names = [a["department"][k] for k in sorted(a["department"])]
assert names == ["#%s %s" % (r["rank"], r["department"]) for r in ranked], (names, ranked)
assert "10 of 12 departments shown" in var["note_text"], var["note_text"]
for l, r in zip(b["ranks"], ranked):
    pos, rate, hl, rank = l.split()
    assert close(pct(r), float(rate)) and hl == "0" and rank == r["rank"], (l, r)
assert var["title_text"] == "Departments ranked by total score", var["title_text"]
assert not any(r["department"] in var["title_text"] + var["subtitle_text"] for r in matrix)
lo, hi = float(var["rank_xmin"]), float(var["rank_xmax"])
low = min(pct(r) for r in ranked)
assert 0 < lo < low and lo > low - 10 and hi == 100, (lo, hi, low)
PY

for c in grades heat weak gap rank; do
	f="$tmp/charts/$c.svg"
	head -c 200 "$f" | grep -q '<svg' || fail "$c.svg is no SVG"
	grep -q 'synthetic data' "$f" || fail "$c.svg is not marked synthetic"
done
grep -q 'Score rate per department and year' "$tmp/charts/heat.svg" || fail "heat title"
grep -q 'Departments ranked by total score' "$tmp/charts/rank.svg" || fail "rank title"
grep -q '示例市文化广电和旅游局' "$tmp/charts/heat.svg" || fail "heat rows are not named"

# the documents' language by default: Chinese titles
run 0 overview --plot "$tmp/zh" --image svg
grep -q '各部门逐年得分率' "$tmp/zh/heat.svg" || fail "the heat chart's title is not Chinese"
for c in grades heat weak gap rank; do
	grep -q '合成数据' "$tmp/zh/$c.svg" || fail "$c.svg (Chinese) is not marked synthetic"
done

# ---- hostile names are text: quotes, backslash, set/system injection, backtick ----
cd "$tmp"
evil1="q'uote\\back \"dq\" \`touch BT\`"
evil2="x'; set output 'PWN'; system('touch PWN2'); print '"
csv1="\"q'uote\\back \"\"dq\"\" \`touch BT\`\""
csv2="\"x'; set output 'PWN'; system('touch PWN2'); print '\""
{
	echo '# provenance: synthetic'
	echo 'department,year,kind,level1,level2,level3,explanation,weight,score,score_origin'
	for y in 2019 2020 2021 2022 2023; do
		for d in "$csv1" "$csv2"; do
			echo "$d,$y,self,决策,目标,目标明确性,,60,$((50 + y - 2019)),stated"
			echo "$d,$y,self,决策,目标,绩效指标,,40,39,stated"
			echo "$d,$y,review,决策,目标,目标明确性,,60,$((45 + y - 2019)),stated"
			echo "$d,$y,review,决策,目标,绩效指标,,40,38,stated"
		done
	done
} >hostile.csv
run_db="$tmp/h.db"
run 0 init
run 0 import hostile.csv
run 0 --lang en overview --plot hc --image svg --script hg
for c in grades heat weak gap rank; do
	[ -s "hc/$c.svg" ] || fail "hostile: $c.svg not drawn"
done
[ ! -e BT ] && [ ! -e PWN ] && [ ! -e PWN2 ] || fail "a name was run as gnuplot code"
python3 - "$tmp" "$evil1" "$evil2" <<'PY' || fail "hostile names are not drawn as text"
import html, re, sys
tmp, e1, e2 = sys.argv[1:4]

def gp_string(e):
    """Decode jx_plot_quote's output; anything else in it (code) raises."""
    out, i, q = "", 0, "sprintf('%c',39)"
    while i < len(e):
        if e.startswith(q, i):
            out, i = out + "'", i + len(q)
        elif e[i] == "'":
            j = e.index("'", i + 1)
            out, i = out + e[i + 1:j], j + 1
        elif e[i] == ".":
            i += 1
        else:
            raise ValueError(e)
    return out

for c in ("heat", "rank", "gap"):
    svg = html.unescape(open(f"{tmp}/hc/{c}.svg", encoding="utf-8").read())
    assert e1 in svg and e2 in svg, (c, "names missing from the SVG")
    gp = open(f"{tmp}/hg/{c}.gp", encoding="utf-8").read().split("# ---- template")[0]
    names = []
    for line in gp.split("\n"):
        m = re.match(r"^(\w+)(\[\d+\])? = ('.*)$", line)
        if m:  # every text is one string expression, nothing after it
            v = gp_string(m.group(3))
            if m.group(1) in ("department", "label"):
                names.append(v)
        elif e2[:6] in line:
            raise AssertionError(("a name outside a string", line))
    assert any(n.endswith(e1) for n in names) and any(n.endswith(e2) for n in names), (c, names)
PY
finish
