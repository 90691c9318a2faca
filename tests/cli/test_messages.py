#!/usr/bin/env python3
"""Every documented error case, in Chinese (issue 15, "Done when").

    test_messages.py [--update] JUNHENG_BINARY SOURCE_DIR

Reads docs/常见错误.md.  Each case is a section

    ### 2.3 数字列里有文字
    what happened ...
    ```console
    $ junheng analyze 数值有误.csv
    junheng: 数值有误.csv:3:9: ...
    (退出状态 3)
    ```
    怎么改：...

with one or more commands in its console block, each followed by the
exact output (stderr and stdout together, as a clerk sees them) and its
exit status.  A command ending in "> /dev/null" shows stderr only.  A
section holding "PATH 中没有 gnuplot" runs with a PATH that holds no
program at all (no gnuplot, no soffice).

Each case runs in a fresh temporary folder holding copies of
tests/data/errors/ (and datasets/ when the command names it), with
JUNHENG_LANG unset, LANG=C.UTF-8 and SOURCE_DATE_EPOCH fixed, and must
  (a) exit with the documented status and print exactly the documented
      output (so the document cannot drift from the program);
  (b) print Chinese and no English sentence: once file names, paths,
      options, "junheng <command>", ids users type and format names are
      taken out, no two words of Latin letters follow each other;
  (c) with --lang en (and JUNHENG_LANG=en), exit with the same status and
      print English.
Also (d): `junheng --help` and `junheng C --help` for every command it
lists, in Chinese without an English sentence by default and in English
with --lang en.

With --update the documented outputs and statuses are rewritten from the
actual runs (in the default language), and the checks are still made.
Prints "ok N title" or "FAIL N title: why" per case and "N passed, M
failed"; exits 1 on any failure, on a parse error and on a document with
fewer than MIN_CASES cases.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

DOC = os.path.join("docs", "常见错误.md")
DATA = os.path.join("tests", "data", "errors")
MIN_CASES = 40
EPOCH = "1700000000"
TIMEOUT = 300

HEADING = re.compile(r"^### (\d+\.\d+) (.+)$")
STATUS = re.compile(r"^\(退出状态 (\d+)\)$")
CHINESE = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
# Two words of Latin letters in a row ("needs a value": an article between).
ENGLISH = re.compile(r"[A-Za-z]{2,}[,:;]? (?:[Aa] )?[A-Za-z]{2,}")

# What may stay in Latin letters inside Chinese text (common brief): file
# names and paths, options as typed, commands, ids users type, format and
# program names.  Each is replaced by a mark that joins no word.
KEEP = [
    re.compile(r"junheng( (analyze|check|standards|template|plan|verify"
               r"|batch|trend|evaluate|show))?"),
    re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*(=\S*)?"),
    re.compile(r"[^\s：:，,；;（）()“”「」'\"、]*/[^\s：:，,；;（）()“”「」'\"、]*"),
    re.compile(r"[\w.\u3400-\u9fff-]+\.(csv|xlsx|xls|ini|txt|json|png|pdf"
               r"|gp|md|deb|docx)\b", re.I),
    re.compile(r"\b[a-z][a-z0-9]*(_[a-z0-9]+)+\b"),     # subtract_indoor_sports
    re.compile(r"\b[a-z][a-z0-9]*(-[a-z0-9]+)+\b"),     # quality-2017, gnuplot-nox
    re.compile(r"\b(CSV|JSON|UTF-8|UTF-16LE|GBK|GB18030|gnuplot|LibreOffice"
               r"|soffice|Excel|WPS|PDF|PNG|NUL|zip|xlsx|xls|FILE|DIR|ID"
               r"|NAME|KEY|YUAN|YYYY|FACTS|CLAIMS|INPUT|SCHOOLS|FMT|LANG"
               r"|ENC|PROG|TOTAL|SD|CV|text|json|auto|zh|en)\b"),
    re.compile(r"#[A-Z0-9/!?]+"),                       # #DIV/0!
]


def strip_allowed(text, extra=()):
    """@text with the Latin words a Chinese message may hold replaced by
    a mark; @extra are further literal strings (the command's arguments,
    which messages quote)."""
    for s in sorted(set(extra), key=len, reverse=True):
        if s:
            text = text.replace(s, "□")
    for pat in KEEP:
        text = pat.sub("□", text)
    return text


def english_phrase(text, extra=()):
    m = ENGLISH.search(strip_allowed(text, extra))
    return m.group(0) if m else None


def english_text(text, extra=()):
    """Whether @text is English: it holds an English phrase, or (a message
    as short as "wrote FILE") a Latin word and no Chinese once the names
    are taken out."""
    rest = strip_allowed(text, extra)
    return bool(ENGLISH.search(rest) or
                (re.search(r"[A-Za-z]{2,}", rest) and not CHINESE.search(rest)))


class ParseError(Exception):
    pass


class Command:
    def __init__(self, line_no, text):
        self.line_no = line_no          # index of the "$ " line
        self.text = text
        self.argv, self.quiet = parse_command(text, line_no)
        self.output = []                # documented lines
        self.status = None
        self.end = None                 # index of the status line


class Case:
    def __init__(self, number, title, line_no):
        self.number = number
        self.title = title
        self.line_no = line_no
        self.commands = []
        self.no_path = False
        self.has_fix = False


def parse_command(text, line_no):
    argv = shlex.split(text)
    quiet = False
    if argv[-2:] == [">", "/dev/null"]:
        argv, quiet = argv[:-2], True
    elif argv[-1:] == [">/dev/null"]:
        argv, quiet = argv[:-1], True
    if not argv or argv[0] != "junheng":
        raise ParseError("line %d: a command must start with junheng: %s"
                         % (line_no + 1, text))
    return argv[1:], quiet


def parse(lines):
    """The cases of the document @lines (a list without newlines)."""
    cases, case, block = [], None, False
    seen = set()
    for i, line in enumerate(lines):
        m = HEADING.match(line)
        if not block and (m or line.startswith("## ")):
            case = None
        if m:
            if m.group(1) in seen:
                raise ParseError("line %d: case %s twice" % (i + 1, m.group(1)))
            seen.add(m.group(1))
            case = Case(m.group(1), m.group(2), i)
            cases.append(case)
            continue
        if case is None:
            continue
        if not block:
            if line.strip() == "```console":
                if case.commands:
                    raise ParseError("line %d: case %s has a second console "
                                     "block" % (i + 1, case.number))
                block, cmd = True, None
            elif "PATH 中没有 gnuplot" in line:
                case.no_path = True
            elif line.startswith("怎么改"):
                case.has_fix = True
            continue
        if line.strip() == "```":
            if cmd is not None and cmd.end is None:
                raise ParseError("line %d: case %s: no (退出状态 N) after %s"
                                 % (i + 1, case.number, cmd.text))
            block = False
        elif line.startswith("$ ") and (cmd is None or cmd.end is not None):
            cmd = Command(i, line[2:])
            case.commands.append(cmd)
        elif cmd is None:
            raise ParseError("line %d: case %s: output before any command"
                             % (i + 1, case.number))
        elif cmd.end is not None:
            if line.strip():
                raise ParseError("line %d: case %s: text after (退出状态)"
                                 % (i + 1, case.number))
        elif STATUS.match(line):
            cmd.status = int(STATUS.match(line).group(1))
            cmd.end = i
        else:
            cmd.output.append(line)
    if block:
        raise ParseError("the last console block is not closed")
    for c in cases:
        if not c.commands:
            raise ParseError("case %s has no console block" % c.number)
        if not c.has_fix:
            raise ParseError("case %s says not 怎么改" % c.number)
    return cases


def clean(text):
    """Output lines as a document holds them: trailing blanks and blank
    last lines dropped."""
    out = [l.rstrip() for l in text.split("\n")]
    while out and not out[-1]:
        out.pop()
    return out


LANG_COMMANDS = {"analyze", "check", "template", "plan", "verify", "batch",
                 "trend", "evaluate"}


def english_argv(argv):
    """@argv asking for English: --lang en after a command that takes it
    (the environment carries JUNHENG_LANG=en for the others)."""
    if argv and argv[0] in LANG_COMMANDS:
        return [argv[0], "--lang", "en"] + argv[1:]
    return argv


class Runner:
    def __init__(self, binary, source):
        self.binary = binary
        self.source = source
        self.empty_bin = tempfile.mkdtemp(prefix="jh-nopath-")

    def env(self, lang_en, no_path):
        env = {k: v for k, v in os.environ.items()
               if k not in ("JUNHENG_LANG", "LANGUAGE") and
               not k.startswith("LC_")}
        env["LANG"] = "C.UTF-8"
        env["SOURCE_DATE_EPOCH"] = EPOCH
        if lang_en:
            env["JUNHENG_LANG"] = "en"
        if no_path:
            env["PATH"] = self.empty_bin
        return env

    def folder(self, case):
        d = tempfile.mkdtemp(prefix="jh-msg-")
        work = os.path.join(d, "w")
        shutil.copytree(os.path.join(self.source, DATA), work, symlinks=True)
        if any("datasets/" in c.text for c in case.commands):
            shutil.copytree(os.path.join(self.source, "datasets"),
                            os.path.join(work, "datasets"))
        return d, work

    def run(self, argv, cwd, quiet, lang_en=False, no_path=False):
        if lang_en:
            argv = english_argv(argv)
        p = subprocess.run([self.binary] + argv, cwd=cwd,
                           env=self.env(lang_en, no_path),
                           stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL if quiet else subprocess.PIPE,
                           stderr=subprocess.PIPE if quiet else subprocess.STDOUT,
                           timeout=TIMEOUT)
        out = p.stderr if quiet else p.stdout
        return p.returncode, out.decode("utf-8", "replace")


def check_case(runner, case, update):
    """Runs @case; returns the list of its failures (empty: ok).  With
    @update, the actual outputs are stored in the commands."""
    why = []
    for lang_en in (False, True):
        d, work = runner.folder(case)
        try:
            for cmd in case.commands:
                rc, out = runner.run(cmd.argv, work, cmd.quiet, lang_en,
                                     case.no_path)
                if not lang_en:
                    got = clean(out)
                    if update:
                        cmd.output, cmd.status = got, rc
                    if rc != cmd.status:
                        why.append("%s: exit %d, documented %d"
                                   % (cmd.text, rc, cmd.status))
                    if got != cmd.output:
                        why.append("%s: output differs from the document:\n"
                                   "    got: %s" % (cmd.text,
                                                    "\n         ".join(got)))
                    if not CHINESE.search(out):
                        why.append("%s: no Chinese in the output" % cmd.text)
                    e = english_phrase(out, cmd.argv)
                    if e:
                        why.append("%s: English in the default output: '%s'"
                                   % (cmd.text, e))
                else:
                    if rc != cmd.status:
                        why.append("%s --lang en: exit %d, documented %d"
                                   % (cmd.text, rc, cmd.status))
                    if not english_text(out, cmd.argv):
                        why.append("%s --lang en: no English in: %s"
                                   % (cmd.text, out.strip()[:200]))
        except subprocess.TimeoutExpired:
            why.append("timed out")
        finally:
            shutil.rmtree(d, ignore_errors=True)
    return why


def help_commands(runner):
    """The commands `junheng --help` lists."""
    _, out = runner.run(["--help"], runner.source, False)
    names = re.findall(r"^  ([a-z]+)  ", out, re.M)
    return names


def check_help(runner):
    """(d): returns [(label, failures)]."""
    results = []
    cmds = help_commands(runner)
    if len(cmds) < 5:
        return [("--help", ["`junheng --help` lists %d commands" % len(cmds)])]
    for argv in [["--help"]] + [[c, "--help"] for c in cmds]:
        why = []
        rc, out = runner.run(argv, runner.source, False)
        if rc != 0:
            why.append("exit %d" % rc)
        if not CHINESE.search(out):
            why.append("no Chinese")
        e = english_phrase(out)
        if e:
            why.append("English by default: '%s'" % e)
        en = argv + ["--lang", "en"] if argv[0] in LANG_COMMANDS or \
            argv == ["--help"] else argv
        rc, out = runner.run(en, runner.source, False, lang_en=True)
        if rc != 0:
            why.append("--lang en: exit %d" % rc)
        if not english_text(out):
            why.append("--lang en: no English")
        results.append(("junheng " + " ".join(argv), why))
    return results


def rewrite(lines, cases):
    """@lines with each command's documented output replaced by its own."""
    cmds = sorted((c for case in cases for c in case.commands),
                  key=lambda c: c.line_no, reverse=True)
    for c in cmds:
        lines[c.line_no + 1:c.end + 1] = \
            c.output + ["(退出状态 %d)" % c.status]
    return lines


def main(argv):
    update = False
    if argv[1:2] == ["--update"]:
        update, argv = True, argv[1:]
    if len(argv) != 3:
        sys.stderr.write("usage: test_messages.py [--update] JUNHENG_BINARY "
                         "SOURCE_DIR\n")
        return 2
    binary, source = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    doc = os.path.join(source, DOC)
    with open(doc, encoding="utf-8") as f:
        lines = f.read().split("\n")
    try:
        cases = parse(lines)
    except ParseError as e:
        print("FAIL parse %s: %s" % (DOC, e))
        return 1
    runner = Runner(binary, source)
    passed = failed = 0
    try:
        for case in cases:
            why = check_case(runner, case, update)
            if why:
                failed += 1
                print("FAIL %s %s: %s" % (case.number, case.title,
                                          "; ".join(why)))
            else:
                passed += 1
                print("ok %s %s" % (case.number, case.title))
        for label, why in check_help(runner):
            if why:
                failed += 1
                print("FAIL %s: %s" % (label, "; ".join(why)))
            else:
                passed += 1
                print("ok %s" % label)
    finally:
        shutil.rmtree(runner.empty_bin, ignore_errors=True)
    if update:
        with open(doc, "w", encoding="utf-8") as f:
            f.write("\n".join(rewrite(lines, cases)))
        print("rewrote %s" % doc)
    if len(cases) < MIN_CASES:
        failed += 1
        print("FAIL %s holds %d cases, fewer than %d"
              % (DOC, len(cases), MIN_CASES))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
