"""Turns bench/out/results.txt into run.sh's section of bench/RESULTS.md: the table, the targets and the machine."""
import os
import platform
import re
import subprocess
import sys

results, latency_ms, warmup, duration = sys.argv[1:5]
queries = sys.argv[5] if len(sys.argv) > 5 else "typename product search products50"
observability = sys.argv[6] if len(sys.argv) > 6 else "on"
jar = sys.argv[7] if len(sys.argv) > 7 else ""
gateway_args = sys.argv[8] if len(sys.argv) > 8 else ""
load = sys.argv[9].split() if len(sys.argv) > 9 else []
rows = []
for line in open(results):
    row = dict(re.findall(r"(\w+)=([\w.]+)", line))
    row.setdefault("observability", "on")
    rows.append(row)


def find(caches, query, connections, obs="on"):
    return next((r for r in rows if r["caches"] == caches and r["query"] == query and r["connections"] == connections
                 and r["observability"] == obs), None)


def cpu():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
command = f"QUERIES=\"{queries}\" OBSERVABILITY=\"{observability}\""
if jar and not jar.startswith("target/"):
    command += f" GATEWAY_JAR={os.path.basename(jar)}"
if gateway_args:
    command += f" GATEWAY_ARGS=\"{gateway_args}\""
out = ["## Load benchmark (bench/run.sh)", "",
       f"Commit: {commit or 'unknown'}" + (f"; the gateway from `{jar}`" if jar and not jar.startswith("target/") else "") + ".",
       f"Machine: {os.cpu_count()} cores ({cpu()}), {java}. wrk, the gateway and the embedded upstreams (a process "
       "of their own) share the machine." + (f" Load average (1, 5, 15 min) {' '.join(load[:3])} at the start, "
                                            f"{' '.join(load[3:6])} at the end." if len(load) >= 6 else ""),
       f"Command: `{command} flock -x /work/helpers/cpu.lock bench/run.sh` (upstream latency {latency_ms} ms, at least {warmup} s "
       f"of warm-up, until the JIT is quiet, before each measured run of {duration} s, one wrk thread, 5 s timeout: above the gateway's 3 s upstream "
       "deadline, so a wrk timeout is a hung request, while slow answers show in p99). `caches=false` runs the gateway "
       "with `--gateway.cache.enabled=false` (every request goes upstream); `caches=true` with the caches on and warm. "
       "`observability=on` is the gateway as deployed (a trace per request, `graphql.request` and DataLoader "
       "observations, one summary log line per request); `off` runs it with the arguments of "
       "`bench/observability-flags.sh` (no tracer, no GraphQL observations, the summary line silenced). "
       "CPU ms/request is the gateway process's CPU time (user and system, every thread: event loops, GC, JIT) over "
       "the measured window, from `/proc/<pid>/stat`, divided by the requests answered in it.", "",
       "| caches | observability | query | connections | req/s | p50 ms | p99 ms | gateway CPU ms/request | non-2xx | socket errors | GraphQL errors | upstream calls/request |",
       "|---|---|---|---|---|---|---|---|---|---|---|---|"]
for r in rows:
    out.append(f"| {r['caches']} | {r['observability']} | {r['query']} | {r['connections']} | {r['rps']} | {r['p50_ms']} | "
               f"{r['p99_ms']} | {r.get('cpu_ms_per_request', '')} | {r['non2xx']} | {r['socket_errors']} | "
               f"{r['graphql_errors']} | {r.get('upstream_calls_per_request', '')} |")

stress = [r for r in rows if r["connections"] == "64"]
errors = sum(int(r["non2xx"]) + int(r["socket_errors"]) + int(r["graphql_errors"]) for r in stress)


def verdict(ok):
    return "met" if ok else "**missed**"


targets = []
typename, product_warm = find("true", "typename", "16"), find("true", "product", "16")
if typename and product_warm:
    t, p = float(typename["rps"]), float(product_warm["rps"])
    targets.append(f"- Warm `product(gtin)` at {p:.0f} req/s is {100 * p / t:.0f}% of `{{ __typename }}` at {t:.0f} req/s "
                   f"(target at least 50%): {verdict(p >= t / 2)}.")
product_cold, search_cold = find("false", "product", "16"), find("false", "search", "16")
if product_cold:
    ms = float(product_cold["p50_ms"])
    targets.append(f"- Cold `product(gtin)` p50 {ms:.1f} ms (target under 30 ms): {verdict(ms < 30)}.")
if search_cold:
    ms, bound = float(search_cold["p50_ms"]), 2 * float(latency_ms) + 5
    targets.append(f"- Cold `search(first: 20)` p50 {ms:.1f} ms (target at most 2 x {latency_ms} + 5 = {bound:.0f} ms): "
                   f"{verdict(ms <= bound)}.")
for caches, query, name, bound in [("false", "product", "cold `product`", 0.4), ("true", "product", "warm `product`", 0.15),
                                   ("true", "products50", "warm `products` of 50", 1.0),
                                   ("true", "typename", "`{ __typename }`", 0.08)]:
    row = find(caches, query, "16")
    if row and "cpu_ms_per_request" in row:
        ms = float(row["cpu_ms_per_request"])
        targets.append(f"- Gateway CPU per request, {name}: {ms:.3f} ms (target at most {bound} ms): {verdict(ms <= bound)}.")
targets.append(f"- Errors at 64 connections: {errors} (target none): {verdict(errors == 0)}.")
out += ["", "### Targets (observability on)" if "off" in observability else "### Targets", ""] + targets

costs = []
for r in rows:
    if r["observability"] != "on":
        continue
    off = find(r["caches"], r["query"], r["connections"], "off")
    if off:
        on_rps, off_rps = float(r["rps"]), float(off["rps"])
        costs.append(f"| {r['caches']} | {r['query']} | {r['connections']} | {off_rps:.1f} | {on_rps:.1f} | "
                     f"{100 * (off_rps - on_rps) / off_rps:+.1f}% |")
if costs:
    out += ["", "### Cost of observability", "",
            "Requests per second lost with observability on (target under 10%; negative: on was faster, i.e. noise).", "",
            "| caches | query | connections | req/s off | req/s on | cost |", "|---|---|---|---|---|---|"] + costs
print("\n".join(out))
