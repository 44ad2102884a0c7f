"""Summarises async-profiler's collapsed stacks: the frames with the most samples on their own (self) and with
what they call (total), as a share of all samples. Usage: python3 bench/flame.py profile.collapsed [top] [filter]
(filter: print only the frames whose name contains it)."""
import collections
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
only = sys.argv[3] if len(sys.argv) > 3 else None
own, total = collections.Counter(), collections.Counter()
samples = 0
for line in open(path):
    stack, _, count = line.rstrip("\n").rpartition(" ")
    if not stack:
        continue
    count = int(count)
    frames = stack.split(";")
    samples += count
    own[frames[-1]] += count
    for frame in set(frames):
        total[frame] += count


def show(title, counter):
    print(f"{title} (of {samples} samples)")
    shown = 0
    for frame, count in counter.most_common():
        if only and only not in frame:
            continue
        print(f"  {100 * count / samples:5.1f}%  {frame}")
        shown += 1
        if shown == top:
            break


show("self", own)
show("total", total)
