#!/usr/bin/env python3
"""check_messages.py [--list] PATH...

Fail (exit 1) when a message junheng shows a user has no Chinese text
(issue 15: Chinese by default, English with --lang en).  PATHs are source
files or folders (every .c below them).  A problem is one of:

  - a call of an English-only sink: jh_error_set(), jh_error_set_zh(),
    jh_diags_add(), jh_table_error(), jh_cli_fail();
  - a call of a two-language sink (jh_error_set2(), jh_error_errno2(),
    jh_table_error2(), jh_diags_add2(), jh_table_diag(), jh_cli_fail2(),
    jh_cli_help(), and every variadic function of src/ or include/ that
    takes a Chinese format, a parameter named ..zh, before an English one)
    whose Chinese argument is a literal without a Chinese
    character, is NULL, is not a literal and does not name a Chinese text
    (an identifier with "zh" in it), or whose literal has other printf
    conversions than the English one;
  - in src/cli/, a string literal written with printf, fprintf, fputs or
    puts that holds an English phrase (two words of letters in a row):
    such text belongs in jh_cli_fail2() or jh_cli_help().

Prints one line per problem as FILE:LINE: WHAT.  With --list, prints them
and a count but exits 0 (for following a conversion)."""
import os
import re
import sys

ENGLISH_ONLY = {
    "jh_error_set": "English-only error: use jh_error_set2(err, st, file, "
                    "line, col, \"中文\", \"English\", ...)",
    "jh_error_set_zh": "use jh_error_set2() (both texts in one call)",
    "jh_diags_add": "English-only warning: use jh_diags_add2()",
    "jh_table_error": "English-only cell error: use jh_table_error2()",
    "jh_cli_fail": "English-only message: use jh_cli_fail2()",
}

# name -> (index of the Chinese argument, index of the English one)
TWO_LANGUAGE = {
    "jh_error_set2": (5, 6),
    "jh_error_errno2": (4, 5),
    "jh_table_error2": (5, 6),
    "jh_diags_add2": (6, 7),
    "jh_table_diag": (4, 5),
    "jh_cli_fail2": (0, 1),
    "jh_cli_help": (1, 2),
    "jh__xml_fail": (3, 4),
}

PRINTERS = ("printf", "fprintf", "fputs", "puts")

CHINESE = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
PHRASE = re.compile(r"(?<![%\w-])[A-Za-z]{2,}[,;:]? [a-z]{2,}(?![\w-])")
IDENT = re.compile(r"[A-Za-z_]\w*")
# Not English sentences: commands and options as typed, placeholders.
TYPED = re.compile(r"junheng( [a-z]+)?|--?[\w-]+( [A-Z|]+)?|%[-\w.]*|\\n")


def english_phrase(text):
    """The first English phrase in @text (not a command or option as
    typed), or None."""
    m = PHRASE.search(TYPED.sub(" ", text))
    return m.group(0) if m else None


def strip_comments(text):
    """The text with comments blanked (newlines kept), strings intact."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            j = quoted_end(text, i)
            out.append(text[i:j])
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c == "#" and (i == 0 or text[i - 1] == "\n"):
            # a preprocessor line (with its continuations) is no call
            j = i
            while True:
                k = text.find("\n", j)
                if k < 0:
                    k = n
                    break
                if text[k - 1] != "\\":
                    break
                j = k + 1
            chunk = text[i:k]
            if chunk.startswith("#define"):
                out.append(chunk)  # macros may hold messages: keep
            else:
                out.append(re.sub(r"[^\n]", " ", chunk))
            i = k
        else:
            out.append(c)
            i += 1
    return "".join(out)


def quoted_end(text, i):
    """The index after the string or character literal opening at i."""
    j, n = i + 1, len(text)
    while j < n and text[j] != text[i]:
        j += 2 if text[j] == "\\" else 1
    return j + 1


def outside_quotes(text, start=0):
    """(index, character, bracket depth before it) of every character of
    text from start that is not inside a literal."""
    depth, i, n = 0, start, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            i = quoted_end(text, i)
            continue
        yield i, c, depth
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        i += 1


def call_args(text, open_paren):
    """The top-level arguments of the call whose '(' is at open_paren, as
    source slices, and the index after ')'; None when unbalanced."""
    args, start = [], open_paren + 1
    for i, c, depth in outside_quotes(text, open_paren):
        if c in ")]}" and depth == 1:
            args.append(text[start:i])
            return args, i + 1
        if c == "," and depth == 1:
            args.append(text[start:i])
            start = i + 1
    return None


STRING = re.compile(r'"((?:[^"\\]|\\.)*)"', re.S)


def literal(arg):
    """The text of an argument made only of string literals (and macros
    ending in _ZH or HELP, whose text is not known here: None), else
    None."""
    rest = STRING.sub("", arg)
    if rest.strip() != "":
        return None
    return "".join(m.group(1) for m in STRING.finditer(arg))


def ternary(arg):
    """(then, else) source slices of an argument `c ? a : b` at its top
    level, else None."""
    q = -1
    for i, c, depth in outside_quotes(arg):
        if depth == 0 and c == "?" and q < 0:
            q = i
        elif depth == 0 and c == ":" and q >= 0:
            return arg[q + 1:i], arg[i + 1:]
    return None


def conversions(fmt):
    out, i = [], 0
    while i < len(fmt):
        if fmt[i] != "%":
            i += 1
            continue
        i += 1
        if i < len(fmt) and fmt[i] == "%":
            i += 1
            continue
        conv = ""
        while i < len(fmt) and fmt[i] in "-+ #0123456789.*":
            if fmt[i] == "*":
                conv += "*"
            i += 1
        while i < len(fmt) and fmt[i] in "hlLqjzt":
            conv += fmt[i]
            i += 1
        if i < len(fmt):
            conv += fmt[i]
            i += 1
        out.append(conv)
    return out


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def check_file(path, problems):
    with open(path, encoding="utf-8") as f:
        text = strip_comments(f.read())
    in_cli = os.sep + "cli" + os.sep in os.path.abspath(path)
    names = "|".join(sorted(list(ENGLISH_ONLY) + list(TWO_LANGUAGE) +
                            (list(PRINTERS) if in_cli else []),
                            key=len, reverse=True))
    for m in re.finditer(r"(?<![\w.>])(" + names + r")\s*\(", text):
        name = m.group(1)
        where = f"{path}:{line_of(text, m.start())}"
        # a definition or declaration: the name starts its line, or a type
        # comes before it on the line
        bol = text.rfind("\n", 0, m.start()) + 1
        before = text[bol:m.start()]
        if before.strip() == "" and m.start() == bol:
            continue
        if re.search(r"\b(jh_status|void|int|bool|char|const char)\s*\*?\s*$",
                     before):
            continue
        parsed = call_args(text, m.end() - 1)
        if parsed is None:
            continue
        args, _ = parsed
        if name in ENGLISH_ONLY:
            problems.append(f"{where}: {name}(): {ENGLISH_ONLY[name]}")
            continue
        if name in PRINTERS:
            for a in args:
                pair = ternary(a)
                if pair is not None:
                    # zh ? "中文" : "English": the first must be Chinese
                    zl = "".join(x.group(1) for x in STRING.finditer(pair[0]))
                    if zl and not CHINESE.search(zl) and english_phrase(
                            "".join(x.group(1)
                                    for x in STRING.finditer(pair[1]))):
                        problems.append(f"{where}: {name}(): the first "
                                        f"branch \"{zl[:40]}\" is not "
                                        "Chinese")
                    continue
                lit = "".join(x.group(1) for x in STRING.finditer(a))
                if english_phrase(lit):
                    problems.append(
                        f"{where}: {name}() of English text \"{lit[:50]}\": "
                        "say it with jh_cli_fail2() or jh_cli_help()")
            continue
        zi, ei = TWO_LANGUAGE[name]
        if len(args) <= ei:
            continue
        zh, en = args[zi].strip(), args[ei].strip()
        zt, et = ternary(zh), ternary(en)
        if zt is not None and literal(zt[0]) is not None:
            # c ? "中文甲" : "中文乙" with c ? "English A" : "English B"
            pairs = [(zt[0], et[0] if et else en), (zt[1], et[1] if et else en)]
        else:
            pairs = [(zh, en)]
        for z, e in pairs:
            check_pair(where, name, z.strip(), e.strip(), problems)


def check_pair(where, name, zh, en, problems):
    """The problems of one Chinese text @zh and its English @en."""
    zl, el = literal(zh), literal(en)
    if zh == "NULL":
        problems.append(f"{where}: {name}() without its Chinese text")
    elif zl is None:
        if "zh" not in zh.lower():
            problems.append(
                f"{where}: {name}(): the Chinese text \"{zh[:40]}\" "
                "cannot be checked (a literal, or a name with zh)")
    elif not CHINESE.search(zl):
        problems.append(f"{where}: {name}(): the Chinese text "
                        f"\"{zl[:50]}\" has no Chinese")
    elif english_phrase(zl):
        problems.append(f"{where}: {name}(): the Chinese text has the "
                        f"English \"{english_phrase(zl)}\"")
    elif el is not None and conversions(zl) != conversions(el):
        problems.append(
            f"{where}: {name}(): the two texts take different "
            f"arguments ({' '.join(conversions(zl))} against "
            f"{' '.join(conversions(el))})")

DECL = re.compile(r"\b([A-Za-z_]\w*)\s*\(([^()]*?\bconst char \*\s*\w*zh\s*,"
                  r"[^()]*?\.\.\.\s*)\)", re.S)


def find_wrappers(files):
    """Variadic functions that take a Chinese and an English format
    (a parameter named ..zh followed by a const char * one): their callers
    are checked as the two-language sinks are.  Returns {name: (zh, en)}."""
    found = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = strip_comments(f.read())
        for m in DECL.finditer(text):
            params = [x.strip() for x in m.group(2).split(",")]
            for i, prm in enumerate(params[:-1]):
                if re.search(r"\bconst char \*\s*\w*zh$", prm) and \
                        params[i + 1].startswith("const char"):
                    found.setdefault(m.group(1), (i, i + 1))
                    break
    return found


def main(argv):
    args = argv[1:]
    listing = "--list" in args
    args = [a for a in args if a != "--list"]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    files = []
    for a in args:
        if os.path.isdir(a):
            for root, _, names in os.walk(a):
                files += [os.path.join(root, x) for x in names
                          if x.endswith(".c")]
        else:
            files.append(a)
    here = os.path.dirname(os.path.abspath(__file__))
    known = []
    for d in (os.path.join(here, "..", "src"), os.path.join(here, "..",
                                                            "include")):
        for root, _, names in os.walk(d):
            known += [os.path.join(root, x) for x in names
                      if x.endswith((".c", ".h"))]
    for name, idx in find_wrappers(known + files).items():
        if name not in ENGLISH_ONLY:
            TWO_LANGUAGE.setdefault(name, idx)
    problems = []
    for f in sorted(files):
        check_file(f, problems)
    for p in problems:
        print(p)
    if listing:
        print(f"{len(problems)} message problems")
        return 0
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
