#!/usr/bin/env bash
# Times outready's first screen against a bare ratatui program (examples/bare.rs) in a
# pseudo-terminal, and measures a key press, idle CPU, peak memory and the binary size.
# Builds both programs in release mode and installs what the harness needs (pyte, in a
# virtual environment under target/) on first use.
#
#   benches/startup.sh            # 20 runs of each program
#   RUNS=50 benches/startup.sh    # more runs
#   PLANS=50 benches/startup.sh   # with 50 more plans in the folder
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked --bin outready --example bare

venv=target/bench-venv
if ! "$venv/bin/python" -c 'import pyte' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check pyte
fi

exec "$venv/bin/python" benches/startup.py --runs "${RUNS:-20}" --plans "${PLANS:-0}" \
    target/release/outready target/release/examples/bare
