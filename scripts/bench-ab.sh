#!/usr/bin/env bash
# Before/after on one machine: runs the same bench cases in two built checkouts of erlts, one
# fresh process per run, alternating A and B run by run (so a noisy neighbour hits both alike),
# and prints each figure's median and spread.
#   scripts/bench-ab.sh /path/to/before /path/to/after [rounds]
# Each checkout needs `npm install` (which builds dist/) and `npx tsc -p bench/tsconfig.json`.
set -euo pipefail
a=$1 b=$2 rounds=${3:-5}
out=$(mktemp)
run() { (cd "$1" && node --expose-gc ".bench/cases/$2" "${@:3}" | tail -1); }
for ((r = 1; r <= rounds; r++)); do
  for side in A B; do
    dir=$a; [ "$side" = B ] && dir=$b
    echo "$side ring1000 $(run "$dir" ring.js erlts 1000 1000)" >>"$out"
    echo "$side ring10000 $(run "$dir" ring.js erlts 10000 100)" >>"$out"
    for s in erlts-once erlts-passive erlts-socket; do
      echo "$side $s $(run "$dir" tcp-client.js "$s" throughput '')" >>"$out"
    done
    echo "$side idle $(run "$dir" tcp-client.js erlts-once idle '')" >>"$out"
  done
done
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
const rows = new Map();
for (const l of lines) {
  const [side, name, json] = [l.split(" ")[0], l.split(" ")[1], l.split(" ").slice(2).join(" ")];
  for (const [k, v] of Object.entries(JSON.parse(json))) {
    const key = `${name} ${k}`;
    if (!rows.has(key)) rows.set(key, { A: [], B: [] });
    rows.get(key)[side].push(v);
  }
}
const med = (xs) => { const s = [...xs].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
for (const [key, { A, B }] of rows) {
  const a = med(A), b = med(B);
  console.log(`${key.padEnd(42)} A ${f(a)} (${f(Math.min(...A))}-${f(Math.max(...A))})  B ${f(b)} (${f(Math.min(...B))}-${f(Math.max(...B))})  B/A ${(b / a).toFixed(3)}`);
}' "$out"
rm -f "$out"
