#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""module_graph.py -- the library's module graph, derived from #include lines,
checked against the allowed edges drawn in docs/architecture.md.

    module_graph.py SOURCE_DIR [--tree DIR]

The allowed graph is the ```mermaid block of docs/architecture.md whose first
line is "graph BT" (edges "a --> b": a may use b). A module may use every
module it reaches along those edges. The derived graph has an edge a -> b
for each file of src/lib/a/ (or public header of module a) that includes a
header of module b. The check fails (exit 1) when the derived graph has a
cycle, uses an edge the page does not allow, a library file includes the
umbrella jixiao.h, or a module folder is missing from the page. --tree lets
a test run the check on a copy of the tree with a back-edge added on purpose.
"""
import os
import re
import sys

PUBLIC = {"common": "base", "output": "base", "xlsx": "export", "doc": "ingest"}  # header name -> module, when they differ


def allowed_graph(doc):
    text = open(doc, encoding="utf-8").read()
    for block in re.findall(r"```mermaid\n(.*?)```", text, re.S):
        lines = block.strip().splitlines()
        if lines and lines[0].strip() == "graph BT":
            edges, nodes = set(), set()
            for line in lines[1:]:
                m = re.match(r"\s*(\w+)\s*-->\s*(\w+)\s*$", line)
                if m:
                    edges.add((m.group(1), m.group(2)))
                    nodes.update(m.groups())
                elif re.match(r"\s*(\w+)\s*$", line):
                    nodes.add(line.strip())
            return nodes, edges
    sys.exit(f"{doc}: no ```mermaid block starting with 'graph BT'")


def reach(edges, a):
    seen, todo = set(), [a]
    while todo:
        x = todo.pop()
        for (p, q) in edges:
            if p == x and q not in seen:
                seen.add(q)
                todo.append(q)
    return seen


def header_module(path_in_include, modules):
    """Module of an included header, or None (system / same-folder file)."""
    m = re.match(r"(\w+)/internal\.h$|(\w+)/testing\.h$|(\w+)/\w+\.def$", path_in_include)
    if m:
        return next(g for g in m.groups() if g)
    m = re.match(r"jixiao/(\w+)\.h$", path_in_include) or re.match(r"(\w+)\.h$", path_in_include)
    if m:
        name = m.group(1)
        name = PUBLIC.get(name, name)
        return name if name in modules else None
    return None


def derived_graph(src, modules):
    edges = {}  # (a, b) -> first file:line that makes it
    problems = []
    lib = os.path.join(src, "src", "lib")
    files = []
    for mod in sorted(os.listdir(lib)):
        d = os.path.join(lib, mod)
        if os.path.isdir(d):
            files += [(mod, os.path.join(d, f)) for f in sorted(os.listdir(d))
                      if f.endswith((".c", ".h", ".def"))]
    inc = os.path.join(src, "include", "jixiao")
    for f in sorted(os.listdir(inc)):
        name = f[:-2]
        files.append((PUBLIC.get(name, name), os.path.join(inc, f)))
    for mod, path in files:
        for no, line in enumerate(open(path, encoding="utf-8"), 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if not m:
                continue
            where = f"{os.path.relpath(path, src)}:{no}"
            target = m.group(1)
            if target == "jixiao.h" and "/src/lib/" in path:
                problems.append(f"{where}: includes the umbrella header jixiao.h; include what it uses")
                continue
            dep = header_module(target, modules)
            if dep and dep != mod:
                edges.setdefault((mod, dep), where)
    return edges, problems, sorted({m for m, _ in files})


def find_cycle(edges):
    graph = {}
    for a, b in edges:
        graph.setdefault(a, []).append(b)
    state, stack = {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in graph.get(n, []):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if not state.get(m):
                c = visit(m)
                if c:
                    return c
        stack.pop()
        state[n] = 2
        return None

    for n in list(graph):
        if not state.get(n):
            c = visit(n)
            if c:
                return c
    return None


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    src = args[0]
    tree = args[args.index("--tree") + 1] if "--tree" in args else src
    nodes, allowed = allowed_graph(os.path.join(src, "docs", "architecture.md"))
    edges, problems, found = derived_graph(tree, nodes)
    for m in found:
        if m not in nodes:
            problems.append(f"src/lib/{m}/: module not drawn in docs/architecture.md")
    for (a, b), where in sorted(edges.items()):
        if b not in reach(allowed, a):
            problems.append(f"{where}: {a} uses {b}, an edge docs/architecture.md does not allow")
    cycle = find_cycle(edges)
    if cycle:
        problems.append("module cycle: " + " -> ".join(cycle))
    for p in problems:
        print(p)
    print(f"{len(found)} modules, {len(edges)} module edges derived from #include lines; "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
