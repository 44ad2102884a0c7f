"""Replaces one script's section of bench/RESULTS.md with standard input, leaving every other section as it is.

A section lies between `<!-- NAME: begin -->` and `<!-- NAME: end -->`; one not there yet is added at the end.
Usage: python3 bench/section.py bench/RESULTS.md run.sh < section.md
"""
import sys

path, name = sys.argv[1:3]
begin, end = f"<!-- {name}: begin -->", f"<!-- {name}: end -->"
section = f"{begin}\n{sys.stdin.read().strip()}\n{end}"
try:
    text = open(path).read()
except FileNotFoundError:
    text = "# Benchmark results\n"
if begin in text and end in text:
    head, rest = text.split(begin, 1)
    text = head + section + rest.split(end, 1)[1]
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
