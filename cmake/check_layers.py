#!/usr/bin/env python3
"""check_layers.py ROOT: fail (exit 1) when an include in src/ goes up.

src/LAYERS names the layer folders, bottom first.  A module is a .c file and
its header: include/junheng/NAME.h (public) or a header beside the .c
(internal).  Every include of a module's header must name a module of the
same layer or of one below, the include graph between modules must have no
cycle, and no .c file may sit directly in src/.  Run by the build
(src/CMakeLists.txt); prints one line per problem."""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
src = os.path.join(root, "src")
layers = [l.strip() for l in open(os.path.join(src, "LAYERS"))
          if re.match(r"[a-z]", l)]
rank = {l: i for i, l in enumerate(layers)}
problems = []

files = []            # (layer, path)
layer_of = {}         # module or internal header name -> layer
modules = set()       # names with a .c file
for l in layers:
    d = os.path.join(src, l)
    if not os.path.isdir(d):
        problems.append(f"src/LAYERS names {l}/, which does not exist")
        continue
    for f in sorted(os.listdir(d)):
        if f.endswith((".c", ".h")):
            files.append((l, os.path.join(d, f)))
            layer_of.setdefault(f[:-2], l)
            if f.endswith(".c"):
                modules.add(f[:-2])
for f in sorted(os.listdir(src)):
    if f.endswith(".c"):
        problems.append(f"src/{f}: a source file outside the layer folders")
pub = os.path.join(root, "include", "junheng")
for f in sorted(os.listdir(pub)):
    if f.endswith(".h") and f[:-2] not in layer_of:
        problems.append(f"include/junheng/{f}: no module src/*/{f[:-2]}.c")
    files.append((layer_of.get(f[:-2]), os.path.join(pub, f)))

inc = re.compile(r'^\s*#\s*include\s*"(?:junheng/)?([A-Za-z0-9_]+)\.h"', re.M)
edges = {}
for l, p in files:
    me = os.path.basename(p)[:-2]
    for name in inc.findall(open(p, encoding="utf-8", errors="replace").read()):
        tl = layer_of.get(name)
        if tl is None or name == me:
            continue
        if l is not None and rank[tl] > rank[l]:
            problems.append(f"{os.path.relpath(p, root)}: includes {name}.h "
                            f"from {tl}/, above {l}/")
        if me in modules and name in modules:
            edges.setdefault(me, set()).add(name)

state = {}
def visit(u, path):
    state[u] = 1
    path.append(u)
    for v in sorted(edges.get(u, ())):
        if state.get(v) == 1:
            problems.append("include cycle: " +
                            " -> ".join(path[path.index(v):] + [v]))
        elif v not in state:
            visit(v, path)
    path.pop()
    state[u] = 2
for u in sorted(edges):
    if u not in state:
        visit(u, [])

for p in problems:
    print("check_layers:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
