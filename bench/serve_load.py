#!/usr/bin/env python3
"""Load on `plainly serve`: concurrent clients posting 300-word messages to /v2/check.

Starts the server itself on a free loopback port (`--port 0`), sends REQUESTS checks
from CLIENTS threads (each with its own keep-alive connection, reconnecting when the
server closes it), then prints latency percentiles, throughput, errors and the server's
peak resident memory (VmHWM from /proc/PID/status). Bounded in count and in time
(--max-seconds): it stops by itself.

    python3 bench/serve_load.py [--binary target/release/plainly] [--clients 16] [--requests 3200]
"""

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start(binary):
    server = subprocess.Popen(
        [binary, "serve", "--port", "0"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    line = server.stderr.readline()
    match = re.search(r"http://([\d.]+):(\d+)/", line)
    if not match:
        server.kill()
        sys.exit(f"no address in {line!r}")
    threading.Thread(target=server.stderr.read, daemon=True).start()
    return server, match.group(1), int(match.group(2))


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid):
    """User plus system CPU time the process has used so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/plainly"))
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=3200)
    parser.add_argument("--message", default=os.path.join(ROOT, "bench/msg.txt"))
    parser.add_argument("--max-seconds", type=float, default=120)
    args = parser.parse_args()

    message = open(args.message, encoding="utf-8").read()
    body = urllib.parse.urlencode({"text": message, "language": "en-US"})
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    server, host, port = start(args.binary)
    idle_rss = None
    latencies, errors, reconnects = [], [], [0]
    lock = threading.Lock()
    remaining = [args.requests]
    deadline = time.monotonic() + args.max_seconds

    def client():
        connection = http.client.HTTPConnection(host, port, timeout=30)
        while True:
            with lock:
                if remaining[0] == 0 or time.monotonic() > deadline:
                    break
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                connection.request("POST", "/v2/check", body, headers)
                response = connection.getresponse()
                answer = response.read()
                elapsed = time.perf_counter() - started
                with lock:
                    if response.status == 200 and b'"matches"' in answer:
                        latencies.append(elapsed)
                    else:
                        errors.append(f"HTTP {response.status}")
            except (OSError, http.client.HTTPException) as err:
                with lock:
                    errors.append(type(err).__name__)
                    reconnects[0] += 1
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=30)
        connection.close()

    try:
        # One check first, so that the first timed request does not pay for start-up.
        warm = http.client.HTTPConnection(host, port, timeout=30)
        warm.request("POST", "/v2/check", body, headers)
        warm.getresponse().read()
        warm.close()
        idle_rss = peak_rss_mib(server.pid)
        cpu_before = cpu_seconds(server.pid)
        started = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        peak = peak_rss_mib(server.pid)
        server_cpu = cpu_seconds(server.pid) - cpu_before
        alive = server.poll() is None
    finally:
        server.kill()
        server.wait()

    latencies.sort()
    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000 if latencies else float("nan")
    words = len(message.split())
    print(f"plainly serve load: {args.clients} clients, {args.requests} requests of a {words}-word message "
          f"({len(body)} bytes form-encoded); load average {os.getloadavg()[0]:.1f}")
    print()
    print("| clients | requests ok | errors | wall s | req/s | p50 ms | p90 ms | p99 ms | max ms "
          "| server CPU ms/request | peak RSS MiB (after warm-up) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    cpu_per_request = server_cpu * 1000 / max(1, len(latencies))
    print(f"| {args.clients} | {len(latencies)} | {len(errors)} | {wall:.1f} | {len(latencies) / wall:.0f} | {pct(50):.2f} | "
          f"{pct(90):.2f} | {pct(99):.2f} | {latencies[-1] * 1000 if latencies else float('nan'):.2f} | "
          f"{cpu_per_request:.2f} | {peak:.1f} ({idle_rss:.1f}) |")
    if errors:
        print()
        print("errors:", {e: errors.count(e) for e in set(errors)})
    if not alive:
        print("the server exited during the run")
    if latencies:
        print(f"\nmean {statistics.mean(latencies) * 1000:.2f} ms")
    return 0 if alive and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
