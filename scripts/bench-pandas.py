#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench-pandas.py -- the vectorised pandas baseline of scripts/bench (issue 23).

    python3 scripts/bench-pandas.py trend|forecast|variance|deductions|weak DB >OUT

What a competent analyst would write to get, for every department of a jixiao
database, the numbers `jixiao COMMAND --all-departments --format csv` prints:
the same rows read from the same database (self evaluations, in department,
year, source order), units at the four levels by groupby sums, per-unit
statistics by groupby aggregations or by numpy on the years laid out as
columns (pivot), the result written as CSV. No Python function runs per
group. Simplifications, all in the baseline's favour (less work than jixiao
does): one framework period per unit (no break detection; the bench sets
have none or few), the Mann-Kendall p-value from the normal approximation
with the tie-corrected variance (jixiao: the exact distribution), every unit
in the Benjamini-Hochberg family that is not constant (jixiao: Tarone's
attainable-p rule), no pooled-changes forecasts, no evidence text columns.
On the --flat bench set its slopes, Theil-Sen slopes, S, variances, points
lost and forecasts agree with jixiao's (scripts/bench checks a few).
"""
import sqlite3
import sys

import numpy as np
import pandas as pd
from scipy import stats

QUERY = (
    "SELECT d.name, e.year, i.level1, i.level2, i.key, i.weight, i.score "
    "FROM department d CROSS JOIN evaluation e ON e.department_id = d.id "
    "CROSS JOIN indicator i ON i.evaluation_id = e.id "
    "WHERE e.kind = 'self' AND e.project_id IS NULL ORDER BY d.name, e.year, i.seq")
ALPHA = 0.05


def load(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    df = pd.read_sql_query(QUERY, con)
    con.close()
    return df


def units(df, levels=("total", "1", "2", "3")):
    """Weight and score sums per department, year and unit, with the rate."""
    df = df.assign(lost=df.weight - df.score)
    keys = {"total": [], "1": ["level1"], "2": ["level1", "level2"], "3": ["key"]}
    parts = []
    for level in levels:
        g = df.groupby(["name", "year"] + keys[level], sort=False)[["weight", "score"]].sum()
        g = g.reset_index()
        if level == "total":
            g["unit"] = "合计"
        elif level == "2":
            g["unit"] = g.level1 + "/" + g.level2
        else:
            g["unit"] = g[keys[level][0]]
        g["level"] = level
        parts.append(g[["name", "level", "unit", "year", "weight", "score"]])
    u = pd.concat(parts, ignore_index=True)
    u["rate"] = u.score / u.weight
    return u


def wide(u, column):
    """Series as rows, years as columns (NaN where a year is absent)."""
    return u.set_index(["name", "level", "unit", "year"])[column].unstack("year").sort_index()


def trend_stats(y, years):
    """Per row of y (series x years): OLS slope, se, t, p, r2, Theil-Sen, S, MK p."""
    known = ~np.isnan(y)
    n = known.sum(axis=1)
    x = np.where(known, years[None, :], np.nan)
    xm = np.nanmean(x, axis=1)[:, None]
    ym = np.nanmean(y, axis=1)[:, None]
    dx, dy = x - xm, y - ym
    sxx = np.nansum(dx * dx, axis=1)
    sxy = np.nansum(dx * dy, axis=1)
    syy = np.nansum(dy * dy, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = sxy / sxx
        sse = np.maximum(syy - slope * sxy, 0)
        se = np.sqrt(sse / (n - 2) / sxx)
        t = slope / se
        p = 2 * stats.t.sf(np.abs(t), n - 2)
        r2 = np.where(syy > 0, 1 - sse / syy, np.nan)
    i, j = np.triu_indices(y.shape[1], 1)
    diff = y[:, j] - y[:, i]
    s = np.nansum(np.sign(diff), axis=1)
    with np.errstate(invalid="ignore"):
        theil_sen = np.nanmedian(diff / (years[j] - years[i])[None, :], axis=1)
    # tie-corrected variance: each value in a tie group of size c adds (c-1)(2c+5)
    c = (y[:, :, None] == y[:, None, :]).sum(axis=2)
    ties = np.where(known, (c - 1) * (2 * c + 5), 0).sum(axis=1)
    var = (n * (n - 1) * (2 * n + 5) - ties) / 18.0
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(s != 0, (np.abs(s) - 1) / np.sqrt(var), 0)
    mk_p = np.where(var > 0, 2 * stats.norm.sf(z), 1.0)
    return dict(n=n, slope=slope, slope_se=se, t=t, p_value=p, r2=r2, theil_sen=theil_sen,
                mk_s=s, mk_p=mk_p, testable=var > 0)


def bh(frame, p, family):
    """Benjamini-Hochberg q-values of p within each family (NaN outside the family)."""
    f = pd.DataFrame({"family": family, "p": np.where(frame, p, np.nan)})
    f = f[frame].sort_values(["family", "p"])
    g = f.groupby("family", sort=False)
    m = g.p.transform("size")
    raw = f.p * m / (g.cumcount() + 1)
    q = raw.iloc[::-1].groupby(f.family.iloc[::-1], sort=False).cummin().clip(upper=1)
    out = np.full(len(frame), np.nan)
    out[q.index.to_numpy()] = q.to_numpy()
    return out


def trend(df):
    y = wide(units(df), "rate")
    idx = y.index.to_frame(index=False)
    years = y.columns.to_numpy(dtype=float)
    r = trend_stats(y.to_numpy(), years)
    q = bh(r["testable"], r["mk_p"], idx.name.to_numpy())
    direction = np.where(q < ALPHA, np.where(r["mk_s"] > 0, "rising", "falling"), "flat")
    known = ~np.isnan(y.to_numpy())
    first = years[known.argmax(axis=1)]
    last = years[known.shape[1] - 1 - known[:, ::-1].argmax(axis=1)]
    return idx.assign(n=r["n"], first_year=first, last_year=last, slope=r["slope"],
                      slope_se=r["slope_se"], t=r["t"], p_value=r["p_value"], r2=r["r2"],
                      theil_sen=r["theil_sen"], direction=direction, q_value=q,
                      mk_s=r["mk_s"], mk_p=r["mk_p"])


def variance(df):
    u = units(df)
    g = u.groupby(["name", "level", "unit"], sort=True)
    out = g.rate.agg(["count", "mean", "var", "std", "min", "max"])
    out["cv"] = out["std"] / out["mean"].where(out["mean"] != 0)
    out["mean_points"] = g.score.mean()
    out["sd_points"] = g.score.std()
    return out.reset_index()


def deductions(df):
    u = units(df, ("1", "3"))
    u["lost"] = u.weight - u.score
    u["deducted"] = u.lost > 0
    g = u.groupby(["name", "level", "unit"], sort=False)
    out = g.agg(points_lost=("lost", "sum"), years_deducted=("deducted", "sum"),
                years_present=("score", "count")).reset_index()
    total = out.groupby(["name", "level"], sort=False).points_lost.transform("sum")
    out["share"] = out.points_lost / total.where(total > 0)
    out = out.sort_values(["name", "level", "points_lost"], ascending=[True, True, False])
    out["cum_share"] = out.groupby(["name", "level"], sort=False).share.cumsum()
    return out


def forecast(df):
    u = units(df)
    u["z"] = np.log((u.score + 0.5) / (u.weight - u.score + 0.5))
    pt = (u.score + 0.5) / (u.weight + 1)
    u["v"] = 1 / ((u.weight + 1) * pt * (1 - pt))
    z, v, w = wide(u, "z"), wide(u, "v").to_numpy(), wide(u, "weight").to_numpy()
    idx = z.index.to_frame(index=False)
    years = z.columns.to_numpy(dtype=float)
    y = z.to_numpy()
    known = ~np.isnan(y)
    n = known.sum(axis=1)
    x = np.where(known, years[None, :], np.nan)
    xm = np.nanmean(x, axis=1)
    dx = x - xm[:, None]
    sxx = np.nansum(dx * dx, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.nansum(dx * (y - np.nanmean(y, axis=1)[:, None]), axis=1) / sxx
    intercept = np.nanmean(y, axis=1) - slope * xm
    e = y - (intercept[:, None] + slope[:, None] * x)
    chi = np.nansum(e * e / v, axis=1)
    df_unit = np.where(n >= 3, n - 2, 0)
    fam = pd.DataFrame({"name": idx.name, "level": idx.level, "chi": np.where(n >= 3, chi, 0),
                        "df": df_unit})
    g = fam.groupby(["name", "level"], sort=False)
    dof = g["df"].transform("sum").to_numpy() + 1
    phi = (g.chi.transform("sum").to_numpy() + 1) / dof
    last_col = known.shape[1] - 1 - known[:, ::-1].argmax(axis=1)
    x0 = idx.groupby("name", sort=False).name.transform("size") * 0 + years.max() + 1
    x0 = x0.to_numpy(dtype=float)
    w0 = w[np.arange(len(w)), last_col]
    zhat = intercept + slope * x0
    p0 = 1 / (1 + np.exp(-zhat))
    with np.errstate(divide="ignore", invalid="ignore"):
        se = np.sqrt(phi / ((w0 + 1) * p0 * (1 - p0))) * np.sqrt(1 + 1 / n + (x0 - xm) ** 2 / sxx)
    tq = stats.t.ppf(0.975, dof)

    def back(zz):
        return (1 / (1 + np.exp(-zz)) * (w0 + 1) - 0.5) / w0

    raw, lo, hi = back(zhat), back(zhat - tq * se), back(zhat + tq * se)
    ok = n >= 3
    return idx.assign(n=n, year=x0, forecast=np.where(ok, np.clip(raw, 0, 1), np.nan),
                      pi_low=np.where(ok, np.clip(lo, 0, 1), np.nan),
                      pi_high=np.where(ok, np.clip(hi, 0, 1), np.nan), forecast_raw=raw,
                      pi_low_raw=lo, pi_high_raw=hi, slope=slope, resid_sd=np.sqrt(phi),
                      t_quantile=tq, weight=w0, df=dof)


def weak(df, window=3, share=0.15, new_share=0.5, min_deducted=2, resolved_years=2):
    u = units(df, ("3",))
    u["lost"] = u.weight - u.score
    rank = u.groupby("name", sort=False).year.rank(method="dense", ascending=False)
    latest = u.groupby("name", sort=False).year.transform("max")
    present = u[u.year == latest][["name", "unit"]]
    win = u[rank <= window].merge(present, on=["name", "unit"])
    win["rank"] = win.groupby("name", sort=False).year.rank(method="dense", ascending=False)
    win["ded"] = win.lost > 0
    win["lost_y"] = np.where(win["rank"] == 1, win.lost, 0)
    win["share_y"] = np.where(win["rank"] == 1, win.lost / win.weight, 0)
    win["early"] = win.ded & (win["rank"] > resolved_years)
    win["clean_late"] = (win["rank"] <= resolved_years) & (win.lost == 0)
    g = win.groupby(["name", "unit"], sort=False)
    out = g.agg(points_lost=("lost", "sum"), deducted_years=("ded", "sum"),
                window_years=("year", "count"), mean_rate=("rate", "mean"),
                latest_lost=("lost_y", "sum"), latest_share=("share_y", "sum"),
                early=("early", "any"), clean_late=("clean_late", "sum")).reset_index()
    big_l = win.groupby("name", sort=False).lost.sum()
    out["share_of_lost"] = out.points_lost / out.name.map(big_l).where(lambda s: s > 0)
    is_new = (out.latest_lost > 0) & ((out.latest_share >= new_share) | (out.deducted_years == 1))
    persistent = (out.deducted_years >= min_deducted) & (out.latest_lost > 0)
    large = out.share_of_lost >= share
    resolved = out.early & (out.clean_late == resolved_years)
    rules = np.char.add(np.char.add(np.where(is_new, "new,", ""),
                                    np.where(persistent, "persistent,", "")),
                        np.where(large, "large,", ""))
    out["rules"] = pd.Series(rules, index=out.index).str.rstrip(",").where(~resolved, "resolved")
    # the trend evidence of the units examined (one family per department)
    y = wide(u.merge(present, on=["name", "unit"]), "rate")
    r = trend_stats(y.to_numpy(), y.columns.to_numpy(dtype=float))
    tr = y.index.to_frame(index=False).drop(columns="level")
    tr["slope"], tr["p_value"] = r["slope"], r["mk_p"]
    tr["q_value"] = bh(r["testable"], r["mk_p"], tr.name.to_numpy())
    out = out.merge(tr, on=["name", "unit"], how="left")
    return out[out.rules != ""]


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("trend", "forecast", "variance", "deductions",
                                                 "weak"):
        sys.exit("usage: bench-pandas.py trend|forecast|variance|deductions|weak DB")
    out = globals()[sys.argv[1]](load(sys.argv[2]))
    out.to_csv(sys.stdout, index=False, float_format="%.12g")


if __name__ == "__main__":
    main()
