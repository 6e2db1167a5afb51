#!/usr/bin/env bash
# Side-by-side runs of flowspec-bench's --har and --bodies modes with their peers, interleaved,
# RUNS times each (default 3); prints every JSON line and then the medians and ratios.
#
# Usage: Benchmarks/compare-har.sh [exchanges|bodies|all]
# Env:   RUNS (3) HAR (/tmp/flowspec-bench/har/flows-mini-100000.har) SPEC (../shared/bench/flows-mini.yaml)
#        BENCH_WORK (/tmp/flowspec-bench) OUT (a JSONL file for the raw lines)
#        BASE_BENCH (another build of flowspec-bench, say of the main branch, run beside this one)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${BENCH_WORK:-/tmp/flowspec-bench}"
runs="${RUNS:-3}"
har="${HAR:-$work/har/flows-mini-100000.har}"
spec="${SPEC:-$here/../../shared/bench/flows-mini.yaml}"
bundle="$work/flows-mini.bundle.json"
bench="$here/.build/release/flowspec-bench"
shared="$(cd "$(dirname "$spec")" && pwd)"
out="${OUT:-$(mktemp -t flowspec-har.XXXXXX.jsonl)}"
what="${1:-all}"
[[ -x "$bench" ]] || { echo "build it first: swift build -c release --package-path Benchmarks --product flowspec-bench" >&2; exit 2; }

run() {  # run LABEL COMMAND...: appends {"label":..., ...the tool's JSON line}
    local label="$1"; shift
    local line
    line="$("$@" 2>/dev/null | grep '^{' | tail -n 1)"
    echo "$label $line"
    python3 -c 'import json,sys; d=json.loads(sys.argv[2]); d["label"]=sys.argv[1]; print(json.dumps(d))' "$label" "$line" >> "$out"
}

for ((k = 1; k <= runs; k++)); do
    if [[ "$what" == exchanges || "$what" == all ]]; then
        run flowspec-exchanges "$bench" --har "$har" --spec "$spec"
        if [[ -n "${BASE_BENCH:-}" ]]; then run flowspec-base-exchanges "$BASE_BENCH" --har "$har" --spec "$spec"; fi
        run kin-openapi "$work/bin/kinhar" -spec "$spec" -har "$har"
    fi
    if [[ "$what" == bodies || "$what" == all ]]; then
        run flowspec-bodies "$bench" --bodies --har "$har" --spec "$spec"
        run jsonschema-rs "$work/venv-osv/bin/python" "$shared/py/schema_floor.py" jsonschema-rs "$bundle" "$har"
        run fastjsonschema "$work/venv-osv/bin/python" "$shared/py/schema_floor.py" fastjsonschema "$bundle" "$har"
        run ajv env NODE_PATH=/usr/share/nodejs node "$shared/js/ajv_floor.js" "$bundle" "$har"
    fi
done

python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = {}
for r in rows:
    by.setdefault(r["label"], []).append(r)
med = lambda label, key: statistics.median(r[key] for r in by[label]) if label in by else None
print(f"\nmedians of {max(len(v) for v in by.values())} runs ({sys.argv[1]})")
for label, rs in by.items():
    keys = ["parse_s", "validate_s", "total_s"]
    figures = "  ".join(f"{k}={med(label, k):.3f}" for k in keys if k in rs[0])
    agree = f"agree={rs[0].get('agree_expected')} fp={rs[0].get('false_pos')} fn={rs[0].get('false_neg')} invalid={rs[0].get('invalid')}"
    print(f"  {label:20} {figures}  {agree}")
if "flowspec-exchanges" in by and "kin-openapi" in by:
    n = by["flowspec-exchanges"][0]["entries"]
    ours, kin = med("flowspec-exchanges", "validate_s"), med("kin-openapi", "validate_s")
    print(f"exchanges: flowspec {n/ours:,.0f}/s, kin-openapi {n/kin:,.0f}/s: {kin/ours:.1f}x faster per exchange")
    if "flowspec-base-exchanges" in by:
        base = med("flowspec-base-exchanges", "validate_s")
        print(f"  base build {n/base:,.0f}/s ({kin/base:.1f}x kin-openapi); this build is {base/ours:.2f}x the base")
if "flowspec-bodies" in by:
    for peer in ("jsonschema-rs", "fastjsonschema", "ajv"):
        if peer not in by: continue
        print(f"bodies vs {peer}: total {med(peer, 'total_s')/med('flowspec-bodies', 'total_s'):.2f}x, "
              f"validate loop {med(peer, 'validate_s')/med('flowspec-bodies', 'validate_s'):.2f}x (above 1 = flowspec faster)")
PY
