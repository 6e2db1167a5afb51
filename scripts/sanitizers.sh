#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer and the concurrency tests under ThreadSanitizer.
#
#   scripts/sanitizers.sh            both runs
#   scripts/sanitizers.sh address    the whole suite under ASan (+ LeakSanitizer)
#   scripts/sanitizers.sh thread     the concurrency tests under TSan
#
# Each sanitizer builds into its own scratch path (.build-asan, .build-tsan; ignored by git), so the
# ordinary .build stays as it is. A clean build of each takes several minutes on two cores, which is
# why CI does not run this; run it before merging anything that touches memory or threads.
# UndefinedBehaviorSanitizer is not offered by Swift on Linux.
#
# Environment: TSAN_FILTER overrides the tests the thread run selects (a `swift test --filter`
# regular expression).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=("$@")
((${#runs[@]})) || runs=(address thread)

# The tests that run code on several threads at once: shared validators, the ordered batch runner,
# parallel loads and captures.
tsan_filter=${TSAN_FILTER:-'validatorsAreSharedAcrossThreads|HostileConcurrencyTests'}

# XCTest's own runner leaks a few objects on Linux (`swift test` loads it even for Swift Testing
# suites); nothing of FlowSpec's is suppressed.
suppressions=$(mktemp)
trap 'rm -f "$suppressions"' EXIT
echo 'leak:libXCTest.so' >"$suppressions"

status=0
for run in "${runs[@]}"; do
    case "$run" in
        address)
            echo "== AddressSanitizer + LeakSanitizer: the whole test suite (.build-asan)"
            mkdir -p .build-asan
            log=.build-asan/sanitizer.log
            set +e
            SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$suppressions:print_suppressions=0" \
                ASAN_OPTIONS=detect_leaks=1 \
                swift test --sanitize=address --scratch-path .build-asan 2>&1 | tee "$log" | tail -25
            code=${PIPESTATUS[0]}
            set -e
            if ((code != 0)) || grep -qE 'ERROR: (Address|Leak)Sanitizer' "$log"; then
                echo "AddressSanitizer run FAILED (full log: $log)" >&2
                status=1
            else
                echo "AddressSanitizer run passed"
            fi
            ;;
        thread)
            echo "== ThreadSanitizer: tests matching '$tsan_filter' (.build-tsan)"
            mkdir -p .build-tsan
            log=.build-tsan/sanitizer.log
            set +e
            SWIFT_BACKTRACE=enable=no TSAN_OPTIONS=halt_on_error=1 \
                swift test --sanitize=thread --scratch-path .build-tsan --filter "$tsan_filter" 2>&1 \
                | tee "$log" | tail -25
            code=${PIPESTATUS[0]}
            set -e
            if ((code != 0)) || grep -q 'WARNING: ThreadSanitizer' "$log"; then
                echo "ThreadSanitizer run FAILED (full log: $log)" >&2
                status=1
            elif ! grep -qE 'Test run with [1-9][0-9]* tests?.* passed' "$log"; then
                echo "ThreadSanitizer run selected no test; check TSAN_FILTER (full log: $log)" >&2
                status=1
            else
                echo "ThreadSanitizer run passed"
            fi
            ;;
        *) echo "unknown run '$run': use address or thread" >&2; exit 2 ;;
    esac
done
exit $status
