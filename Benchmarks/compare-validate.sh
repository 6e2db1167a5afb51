#!/bin/bash
# `flowspec validate` as a whole process against kin-openapi's openapi3filter loop (kinhar), side by
# side: RUNS interleaved rounds per capture size, then the medians of wall time, user+sys CPU and
# peak RSS, and the ratio. Issue #7 judges the 100,000-entry capture.
#   FLOWSPEC_BIN  the release CLI (default .build/release/flowspec)
#   BENCH_WORK    where ../shared/bench/setup-peers.sh put kinhar and the captures (/tmp/flowspec-bench)
#   SIZES         capture sizes (default "10000 100000"); RUNS rounds (default 3)
#   BASE_BIN      another flowspec (say, main's) run in the same rounds, for a before/after figure
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${FLOWSPEC_BIN:-$here/.build/release/flowspec}
work=${BENCH_WORK:-/tmp/flowspec-bench}
spec=$here/../shared/bench/flows-mini.yaml
log=$(mktemp)
for n in ${SIZES:-10000 100000}; do
  har=$work/har/flows-mini-$n.har
  [ -f "$har" ] || { echo "missing $har: run ../shared/bench/setup-peers.sh" >&2; exit 2; }
  for _ in $(seq "${RUNS:-3}"); do
    /usr/bin/time -o "$log" -a -f "$n flowspec %e %U %S %M" "$bin" validate --spec "$spec" "$har" --format json >/dev/null || true
    /usr/bin/time -o "$log" -a -f "$n kinhar %e %U %S %M" "$work/bin/kinhar" -spec "$spec" -har "$har" >/dev/null || true
    if [ -n "${BASE_BIN:-}" ]; then
      /usr/bin/time -o "$log" -a -f "$n base %e %U %S %M" "$BASE_BIN" validate --spec "$spec" "$har" --format json >/dev/null || true
    fi
  done
done
awk '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  $1 ~ /^[0-9]+$/ { key = $1 " " $2; wall[key] = wall[key] " " $3; cpu[key] = cpu[key] " " ($4 + $5); rss[key] = rss[key] " " $6; sizes[$1] = 1 }
  END {
    for (n in sizes) {
      f = n " flowspec"; k = n " kinhar"
      printf "%s entries: flowspec %.2f s wall, %.2f s CPU, %.1f MB | kin-openapi %.2f s wall, %.2f s CPU, %.1f MB | %.1fx wall, %.1fx CPU\n",
        n, median(wall[f]), median(cpu[f]), median(rss[f]) / 1024, median(wall[k]), median(cpu[k]), median(rss[k]) / 1024,
        median(wall[k]) / median(wall[f]), median(cpu[k]) / median(cpu[f])
      b = n " base"
      if (b in wall)
        printf "%s entries: base %.2f s wall, %.2f s CPU, %.1f MB | %.1fx wall against kin-openapi\n",
          n, median(wall[b]), median(cpu[b]), median(rss[b]) / 1024, median(wall[k]) / median(wall[b])
    }
  }' "$log"
rm -f "$log"
