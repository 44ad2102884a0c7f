"""Turns bench/out/results.txt into bench/RESULTS.md: the table, the targets and the machine."""
import os
import platform
import re
import subprocess
import sys

results, latency, warmup, duration = sys.argv[1:5]
rows = []
for line in open(results):
    rows.append(dict(re.findall(r"(\w+)=([\w.]+)", line)))


def find(caches, query, connections):
    return next(r for r in rows if r["caches"] == caches and r["query"] == query and r["connections"] == connections)


def cpu():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
out = ["# Benchmark results", "", "How it runs and how to read it: [README.md](README.md).", "",
       f"Commit: {commit or 'unknown'}.",
       f"Machine: {os.cpu_count()} cores ({cpu()}), {java}. wrk and the gateway share the machine.",
       f"Command: `bench/run.sh` (upstream latency {latency}, {warmup} s warm-up before each measured run of {duration} s, "
       "one wrk thread, 5 s timeout: above the gateway's 3 s upstream deadline, so a wrk timeout is a hung request, "
       "while slow answers show in p99). `caches=false` runs the gateway with `--gateway.cache.enabled=false` (every request goes "
       "upstream); `caches=true` with the caches on and warm.", "",
       "| caches | query | connections | req/s | p50 ms | p99 ms | non-2xx | socket errors | GraphQL errors | upstream calls/request |",
       "|---|---|---|---|---|---|---|---|---|---|"]
for r in rows:
    out.append(f"| {r['caches']} | {r['query']} | {r['connections']} | {r['rps']} | {r['p50_ms']} | {r['p99_ms']} | "
               f"{r['non2xx']} | {r['socket_errors']} | {r['graphql_errors']} | {r.get('upstream_calls_per_request', '')} |")

typename = float(find("true", "typename", "16")["rps"])
product_warm = float(find("true", "product", "16")["rps"])
product_cold = float(find("false", "product", "16")["p50_ms"])
search_cold = float(find("false", "search", "16")["p50_ms"])
stress = [r for r in rows if r["connections"] == "64"]
errors = sum(int(r["non2xx"]) + int(r["socket_errors"]) + int(r["graphql_errors"]) for r in stress)


def verdict(ok):
    return "met" if ok else "**missed**"


out += ["", "## Targets", "",
        f"- Warm `product(gtin)` at {product_warm:.0f} req/s is {100 * product_warm / typename:.0f}% of "
        f"`{{ __typename }}` at {typename:.0f} req/s (target at least 50%): {verdict(product_warm >= typename / 2)}.",
        f"- Cold `product(gtin)` p50 {product_cold:.1f} ms (target under 30 ms): {verdict(product_cold < 30)}.",
        f"- Cold `search(first: 20)` p50 {search_cold:.1f} ms (target under 45 ms): {verdict(search_cold < 45)}.",
        f"- Errors at 64 connections: {errors} (target none): {verdict(errors == 0)}."]
print("\n".join(out))
