#!/usr/bin/env python3
"""check_report_calls.py NM REPORT_LIB STATS_LIB [--allow NAME...]

Fail (exit 1) when an object of the report layer's library calls a function
the statistics layer defines: the reports read the results a task computed
and compute nothing (issue 14).  A symbol counts when `nm -u` lists it in an
object of REPORT_LIB and `nm --defined-only` lists it as a global text
symbol (T) in STATS_LIB.  NAMEs after --allow are exempt: a trailing '*'
matches any suffix.  Prints one line per call found, naming the object."""
import fnmatch
import subprocess
import sys


def nm(args):
    out = subprocess.run(args, check=True, capture_output=True, text=True)
    return out.stdout.splitlines()


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    tool, report, stats = argv[1], argv[2], argv[3]
    allow = argv[argv.index("--allow") + 1:] if "--allow" in argv else []
    defined = set()
    for line in nm([tool, "--defined-only", stats]):
        parts = line.split()
        if len(parts) == 3 and parts[1] == "T":
            defined.add(parts[2])
    if not defined:
        print(f"check_report_calls: no text symbols in {stats}",
              file=sys.stderr)
        return 2
    found = []
    obj = report
    for line in nm([tool, "-u", report]):
        if line.endswith(":"):
            obj = line[:-1]
            continue
        parts = line.split()
        if len(parts) != 2 or parts[0] != "U":
            continue
        name = parts[1]
        if name in defined and \
                not any(fnmatch.fnmatchcase(name, a) for a in allow):
            found.append(f"{obj}: calls {name}, which src/stats defines: "
                         "the report layer computes nothing (read the "
                         "task's results instead)")
    for f in found:
        print(f)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
