#!/usr/bin/env python3
"""Peak resident memory (KB) of a process and all its descendants, polled every 50 ms until it exits.

GNU time reports the largest single process; a large build runs in a second JVM beside the first
(cli/BoundedHeap), so the two are summed here. Usage: tree_peak.py PID
"""
import os
import sys
import time


def tree(pid):
    # Every thread's children: a JVM starts processes from its Java threads, not from its first one.
    out = [pid]
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                for child in f.read().split():
                    out += tree(child)
        except OSError:
            pass
    return out


def rss(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


root = sys.argv[1]
peak = 0
while True:
    try:
        with open(f"/proc/{root}/stat") as f:
            if f.read().split(")")[-1].split()[0] == "Z":
                break
    except OSError:
        break
    peak = max(peak, sum(rss(p) for p in tree(root)))
    time.sleep(0.05)
print(peak)
