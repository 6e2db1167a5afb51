#!/usr/bin/env bash
# Builds FlowSpec's libFuzzer targets (the Fuzz/ package) and runs each for a given time.
#
#   scripts/fuzz.sh                     every target, 600 s each, two at a time
#   scripts/fuzz.sh --time 60 yaml json some targets, 60 s each
#   scripts/fuzz.sh --smoke             every target for 20 s (a CI-sized check)
#   scripts/fuzz.sh --list              the target names
#   scripts/fuzz.sh --build-only        build the binaries and the seed corpora, run nothing
#   scripts/fuzz.sh --no-build yaml     run binaries built before (with fresh seeds)
#
# Options: --time SECONDS, --jobs N (fuzzers at once, default 2: the machines have 2 cores),
# --smoke, --build-only, --no-build, --list. Targets: yaml loader json schema capture request.
#
# Everything it writes is under fuzz-artifacts/ (ignored by git):
#   fuzz-artifacts/seeds/TARGET   seeds gathered from Fuzz/Seeds (committed), examples/, specs/ and, when
#                                 it is there, ../shared/conformance (CI has only the committed ones)
#   fuzz-artifacts/corpus/TARGET  the growing corpus, kept between runs
#   fuzz-artifacts/crashes/TARGET crash-*, leak-*, timeout-*, oom-* inputs, if any
#   fuzz-artifacts/logs/TARGET.log libFuzzer's output
# The script exits non-zero when a target leaves a crash, leak, timeout or out-of-memory input.
# Reproduce one with: Fuzz/.build-fuzz/release/FuzzX fuzz-artifacts/crashes/TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

all_targets=(yaml loader json schema capture request)
seconds=600
jobs=2
smoke=0
build_only=0
no_build=0
targets=()
while (($#)); do
    case "$1" in
        --time) seconds=$2; shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        --smoke) smoke=1; seconds=20; shift ;;
        --build-only) build_only=1; shift ;;
        --no-build) no_build=1; shift ;;
        --list) printf '%s\n' "${all_targets[@]}"; exit 0 ;;
        -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
((${#targets[@]})) || targets=("${all_targets[@]}")

product() {
    case "$1" in
        yaml) echo FuzzYAML ;; loader) echo FuzzLoader ;; json) echo FuzzJSON ;;
        schema) echo FuzzSchema ;; capture) echo FuzzCapture ;; request) echo FuzzRequest ;;
        *) echo "unknown target $1 (one of: ${all_targets[*]})" >&2; exit 2 ;;
    esac
}

# Largest input per target: big enough for a real spec or capture, small enough to stay fast.
max_len() {
    case "$1" in
        loader) echo 16384 ;; capture) echo 32768 ;; schema) echo 8192 ;; request) echo 4096 ;; *) echo 16384 ;;
    esac
}

artifacts=$root/fuzz-artifacts
conformance=$root/../shared/conformance
[[ -d $conformance ]] || conformance=/work/shared/conformance

# --- seeds ---------------------------------------------------------------------------------------
# Seeds are rebuilt every run from the files they come from; a seed larger than the target's
# max_len is left out (libFuzzer would only read its prefix).
seed() { # seed TARGET FILE...
    local dir=$artifacts/seeds/$1 limit
    limit=$(max_len "$1")
    shift
    for file in "$@"; do
        [[ -f $file ]] || continue
        (($(stat -c %s "$file") <= limit)) || continue
        cp "$file" "$dir/$(echo "$file" | md5sum | cut -c1-16)-$(basename "$file")"
    done
}

make_seeds() {
    local t=$1 dir=$artifacts/seeds/$1
    rm -rf "$dir"
    mkdir -p "$dir" "$artifacts/corpus/$t" "$artifacts/crashes/$t" "$artifacts/logs"
    shopt -s nullglob globstar
    case "$t" in
        yaml)
            seed yaml Fuzz/Seeds/yaml/* "$conformance"/yaml-test-suite/*/in.yaml "$conformance"/yaml-test-suite/*/in.json
            seed yaml specs/pingone-flows/**/*.yaml "$conformance"/oas-schema-tests/**/*.yaml
            ;;
        loader)
            seed loader Fuzz/Seeds/loader/* "$conformance"/oas-schema-tests/**/*.yaml "$conformance"/oas-schema-tests/**/*.json
            seed loader specs/pingone-flows/**/*.yaml
            ;;
        json)
            seed json Fuzz/Seeds/json/* "$conformance"/json-schema-test-suite/tests/draft2020-12/*.json examples/captures/*.json
            seed json "$conformance"/yaml-test-suite/*/in.json
            python3 - "$conformance/json-schema-test-suite/tests" "$dir" <<'PY'
import hashlib, json, pathlib, sys
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for path in sorted(src.glob("draft2020-12/*.json")) + sorted(src.glob("draft2020-12/optional/*.json")):
    for group in json.loads(path.read_text()):
        for test in group["tests"]:
            text = json.dumps(test["data"]).encode()
            (out / ("data-" + hashlib.md5(text).hexdigest()[:16])).write_bytes(text)
PY
            ;;
        schema)
            seed schema Fuzz/Seeds/schema/*
            python3 - "$conformance/json-schema-test-suite/tests" "$dir" <<'PY'
import hashlib, json, pathlib, sys
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
paths = sorted(src.glob("draft2020-12/*.json")) + sorted(src.glob("draft2020-12/optional/**/*.json"))
paths += sorted(src.glob("draft4/*.json"))
for path in paths:
    for group in json.loads(path.read_text()):
        for test in group["tests"][:3]:
            text = (json.dumps(group["schema"]) + "\n%%\n" + json.dumps(test["data"])).encode()
            if len(text) <= 8192:
                (out / ("case-" + hashlib.md5(text).hexdigest()[:16])).write_bytes(text)
PY
            ;;
        capture)
            seed capture Fuzz/Seeds/capture/* examples/captures/*.har
            ;;
        request)
            seed request Fuzz/Seeds/request/*
            # Every exchange of the example captures as a raw request and response.
            python3 - examples/captures "$dir" <<'PY'
import hashlib, json, pathlib, sys
from urllib.parse import urlsplit
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for path in sorted(src.glob("*.har")):
    for entry in json.loads(path.read_text())["log"]["entries"]:
        req, resp = entry["request"], entry.get("response") or {}
        url = urlsplit(req["url"])
        target = url.path + ("?" + url.query if url.query else "")
        head = [f'{req["method"]} {target} HTTP/1.1'] + [f'{h["name"]}: {h["value"]}' for h in req.get("headers", [])]
        text = "\r\n".join(head) + "\r\n\r\n" + (req.get("postData") or {}).get("text", "")
        if resp:
            rhead = [f'HTTP/1.1 {resp.get("status", 200)} X'] + [f'{h["name"]}: {h["value"]}' for h in resp.get("headers", [])]
            text += "\n%%\n" + "\r\n".join(rhead) + "\r\n\r\n" + (resp.get("content") or {}).get("text", "")
        data = text.encode()
        if len(data) <= 4096:
            (out / ("http-" + hashlib.md5(data).hexdigest()[:16])).write_bytes(data)
PY
            ;;
    esac
    echo "$t: $(find "$dir" -type f | wc -l) seeds, $(find "$artifacts/corpus/$t" -type f | wc -l) corpus inputs"
}

# --- build ---------------------------------------------------------------------------------------
build() {
    local p
    p=$(product "$1")
    echo "building $p (release, fuzzer + address sanitizers)"
    # swiftc keeps only the last -sanitize= flag it is given, and SwiftPM passes one per --sanitize:
    # with `--sanitize=fuzzer --sanitize=address` alone the code gets AddressSanitizer but no
    # coverage, and libFuzzer runs blind ("no interesting inputs"). The --sanitize options make
    # SwiftPM link libFuzzer and the ASan runtime; -Xswiftc -sanitize=fuzzer,address, passed last,
    # makes every module instrumented for both.
    # The root package is a path dependency: SwiftPM does not notice a file added to it and keeps a
    # stale build plan, so the plan is dropped (replanning takes seconds; objects are kept).
    rm -f Fuzz/.build-fuzz/release.yaml
    # One product at a time: a `swift build` without --product would also build everything the
    # dependencies declare (the flowspec CLI, the middleware, swift-argument-parser's tools).
    (cd Fuzz && swift build --product "$p" -c release --sanitize=fuzzer --sanitize=address \
        -Xswiftc -sanitize=fuzzer,address --scratch-path .build-fuzz 2>&1 \
        | grep -E 'error|Compiling|Build' | tail -3)
    [[ -x Fuzz/.build-fuzz/release/$p ]] || { echo "build of $p failed" >&2; exit 1; }
}

# --- run -----------------------------------------------------------------------------------------
run() {
    local t=$1 p log
    p=$(product "$t")
    log=$artifacts/logs/$t.log
    # SWIFT_BACKTRACE=enable=no: Swift's own backtracer otherwise holds a crashing run open.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        "Fuzz/.build-fuzz/release/$p" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
        -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/crashes/$t/" \
        "$artifacts/corpus/$t" "$artifacts/seeds/$t" >"$log" 2>&1 || true
    summarize "$t"
}

summarize() {
    local t=$1 log=$artifacts/logs/$1.log runs secs cov found
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
    secs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE 'in [0-9]+' | grep -oE '[0-9]+' || echo "?")
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo "?")
    found=$(find "$artifacts/crashes/$t" -type f | wc -l)
    printf '%-8s %10s executions in %4s s, coverage %6s edges, %s problem inputs\n' "$t" "$runs" "$secs" "$cov" "$found"
}

for t in "${targets[@]}"; do product "$t" >/dev/null; done
for t in "${targets[@]}"; do
    ((no_build)) || build "$t"
    make_seeds "$t"
done
((build_only)) && exit 0

echo "running ${#targets[@]} target(s) for $seconds s each, $jobs at a time"
running=0
for t in "${targets[@]}"; do
    run "$t" &
    running=$((running + 1))
    if ((running >= jobs)); then wait -n || true; running=$((running - 1)); fi
done
wait

status=0
for t in "${targets[@]}"; do
    if [[ -n $(find "$artifacts/crashes/$t" -type f) ]]; then
        echo "$t left problem inputs in fuzz-artifacts/crashes/$t:" >&2
        find "$artifacts/crashes/$t" -type f >&2
        status=1
    elif grep -q 'no interesting inputs were found' "$artifacts/logs/$t.log"; then
        echo "$t found no coverage at all: the binary is not instrumented (see the build notes above)" >&2
        status=1
    elif ! grep -q 'Done [0-9]* runs' "$artifacts/logs/$t.log"; then
        echo "$t did not finish cleanly; see fuzz-artifacts/logs/$t.log" >&2
        status=1
    fi
done
exit $status
