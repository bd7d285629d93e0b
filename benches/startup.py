#!/usr/bin/env python3
"""Times outready in a pseudo-terminal, as a person at a keyboard would meet it.

- First screen: from starting the program to its first screen being complete, for
  outready (resuming a plan, so on a question screen) and for a bare ratatui program that
  draws one paragraph and waits for a key, alternating runs in the same session.
- A key press: from writing a key (next question) to the redrawn screen arriving.
- Idle CPU: the wizard's CPU time (every thread) over a few seconds waiting for a key.
- Peak memory: the largest resident set of the wizard over a run through the questions,
  and of plain mode answering a whole plan from a file.
- The size of the release binary.

Run by benches/startup.sh, which builds both programs and installs pyte (the terminal
emulator used to read the screen) first. Standard library otherwise.
"""
import argparse
import json
import fcntl
import glob
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

import pyte

ROWS, COLS = 60, 200


class Term:
    """A program in a pseudo-terminal. Timing looks for bytes in the raw output (fast);
    the screen is read through pyte only when asked for, outside any timing."""

    def __init__(self, argv, env):
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.fed = 0
        self.start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))

    def pump(self, timeout):
        """Reads what the program wrote; True when something came."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        if b"\x1b[6n" in data:  # answer a cursor position query
            os.write(self.fd, b"\x1b[1;1R")
        self.raw += data
        return bool(data)

    def text(self):
        self.stream.feed(bytes(self.raw[self.fed:]))
        self.fed = len(self.raw)
        return "\n".join(self.screen.display)

    def wait_for(self, marker, since=0, timeout=10.0):
        """Seconds from start until `marker` (bytes) arrives after offset `since`."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.raw.find(marker, since) >= 0:
                return time.perf_counter() - self.start
            self.pump(0.001)
        raise SystemExit(f"never saw {marker!r}:\n{self.text()}")

    def press(self, key):
        """Milliseconds from writing `key` until the redrawn part of the screen arrives
        (ratatui writes only the cells that changed, in one go)."""
        self.settle(0.02)
        before = time.perf_counter()
        self.key(key)
        if not self.pump(2.0):
            raise SystemExit(f"no redraw after {key!r}:\n{self.text()}")
        return (time.perf_counter() - before) * 1000

    def settle(self, quiet=0.05):
        """Reads until nothing has come for `quiet` seconds."""
        while self.pump(quiet):
            pass

    def key(self, data):
        os.write(self.fd, data)

    def peak_kib(self):
        """The program's largest resident set so far (VmHWM), in KiB."""
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def finish(self, key=b"q"):
        """Sends the key that quits and waits for the program to end."""
        self.key(key)
        deadline = time.time() + 10
        while time.time() < deadline:
            self.pump(0.01)
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return
        raise SystemExit("the program did not quit")


def cpu_seconds(pid):
    """CPU time of every thread of a process, in seconds, from the scheduler (ns)."""
    total = 0
    for stat in glob.glob(f"/proc/{pid}/task/*/schedstat"):
        with open(stat) as f:
            total += int(f.read().split()[0])
    return total / 1e9


def cpu_ticks(pid):
    """utime + stime of a process, in clock ticks."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def describe(label, values_ms):
    values = sorted(values_ms)
    p90 = values[min(len(values) - 1, int(len(values) * 0.9))]
    return (f"{label:<34} median {statistics.median(values):7.2f} ms   "
            f"min {values[0]:7.2f} ms   p90 {p90:7.2f} ms   ({len(values)} runs)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("outready")
    parser.add_argument("bare")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--idle", type=float, default=5.0)
    parser.add_argument("--plans", type=int, default=0,
                        help="more plans in the folder beside the one resumed (issue 16: 50)")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="outready-bench-")
    env = dict(os.environ, HOME=home, OUTREADY_DATA_DIR=os.path.join(home, "data"),
               TERM="xterm-256color")
    env.pop("ACCESSIBLE", None)
    env.pop("NO_COLOR", None)

    # A plan to resume: the first questions answered in plain mode, from a "file".
    plain = subprocess.run([args.outready, "--plain", "--lenient", "--plan", "Bench"], input="1\n" * 30,
                           capture_output=True, text=True, env=env, check=True)
    if "Answer" not in plain.stdout:
        raise SystemExit("plain mode did not run:\n" + plain.stdout)
    # Plain mode answering a whole plan: "1" answers what it can, "s" skips the rest. Its
    # input stays open until its peak memory has been read.
    full = subprocess.Popen([args.outready, "--plain", "--lenient", "--plan", "Full"], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    full.stdin.write("1\ns\n" * 250)
    full.stdin.flush()
    time.sleep(2)
    with open(f"/proc/{full.pid}/status") as f:
        plain_peak = next(int(l.split()[1]) for l in f if l.startswith("VmHWM:"))
    full.stdin.close()
    full.wait()
    # More plans in the folder, each a copy of Bench under its own name, so the start-up
    # with a full folder can be measured (`--plans 50`).
    plans_dir = os.path.join(home, "data", "plans")
    with open(os.path.join(plans_dir, "bench.json")) as f:
        bench_plan = json.load(f)
    for n in range(args.plans):
        bench_plan["name"] = f"Other plan {n + 1}"
        with open(os.path.join(plans_dir, f"other-plan-{n + 1}.json"), "w") as f:
            json.dump(bench_plan, f)
    # The most recent plan is the one the wizard opens: make it Bench again.
    os.utime(os.path.join(home, "data", "plans", "bench.json"))

    # What each program draws last: the end of the footer of keys, the corner of the box.
    marker_outready = "quit".encode()
    marker_bare = "┘".encode()
    bare, wizard, bare_keys, wizard_keys, peaks = [], [], [], [], []
    for run in range(args.runs):
        order = [("bare", args.bare), ("outready", args.outready)]
        if run % 2:
            order.reverse()
        for name, program in order:
            term = Term([program], env)
            if name == "bare":
                bare.append(term.wait_for(marker_bare) * 1000)
                bare_keys.append(term.press(b"x"))
            else:
                wizard.append(term.wait_for(marker_outready) * 1000)
                # Right arrow: the next question, drawn.
                wizard_keys.append(term.press(b"\x1b[C"))
                peaks.append(term.peak_kib())
            # Ctrl-C saves and quits from any screen, a typed answer's field included
            # (where q is a letter of the answer); the bare program leaves on q.
            term.finish(b"q" if name == "bare" else b"\x03")

    # One longer session: idle CPU, then a walk answering every question.
    term = Term([args.outready], env)
    term.wait_for(marker_outready)
    term.settle(0.2)
    ticks, cpu = cpu_ticks(term.pid), cpu_seconds(term.pid)
    time.sleep(args.idle)
    idle_ticks, idle_cpu = cpu_ticks(term.pid) - ticks, cpu_seconds(term.pid) - cpu
    for _ in range(150):
        term.key(b"1\r")
        term.settle(0.005)
    walk_peak = term.peak_kib()
    term.finish(b"\x03")
    shutil.rmtree(home, ignore_errors=True)

    ratio = statistics.median(wizard) / statistics.median(bare)
    print(f"terminal {COLS}x{ROWS}, {os.cpu_count()} cores, {args.plans + 2} plans in the folder")
    print(describe("first screen, bare ratatui", bare))
    print(describe("first screen, outready (resuming)", wizard))
    print(f"{'ratio of medians':<34} {ratio:.2f}x (budget 1.3x)")
    print(describe("key press to redraw, bare ratatui", bare_keys))
    print(describe("key press to redraw, outready", wizard_keys))
    print(f"{'idle CPU over %.0f s' % args.idle:<34} {idle_cpu * 1000:.2f} ms of CPU "
          f"({idle_ticks} clock ticks)")
    print(f"{'peak memory (VmHWM), wizard':<34} {max(peaks + [walk_peak]) / 1024:.1f} MiB "
          f"(start, one key, quit: {max(peaks) / 1024:.1f} MiB; answering 150 questions: "
          f"{walk_peak / 1024:.1f} MiB)")
    print(f"{'peak memory (VmHWM), plain mode':<34} {plain_peak / 1024:.1f} MiB "
          f"(a whole plan from standard input)")
    print(f"{'release binary':<34} {os.path.getsize(args.outready) / 1e6:.2f} MB "
          f"({os.path.getsize(args.outready) / 2**20:.2f} MiB)")


if __name__ == "__main__":
    sys.exit(main())
