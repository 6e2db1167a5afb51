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

# The tests that run code on several threads at once: shared schema validators and request
# validators, the ordered batch runner, parallel loads and captures, one regex from many tasks,
# budgets per call, the per-thread stack bounds, the middleware, the YAML event pipe between threads,
# the YAML file read in two halves, work beside the model build and the lint context built on two
# threads. (The small-stack tests are left
# out: TSan's frames are larger still, and a 512 KiB stack then holds less than the tests expect.)
tsan_filter=${TSAN_FILTER:-'validatorsAreSharedAcrossThreads|HostileConcurrencyTests|sharedValidatorGivesTheSameVerdictsFromManyTasks|parallelAndSerialRunsGiveIdenticalOutput|concurrentUseOfOneRegex|budgetsArePerCall|StackGuardTests|OnAConcurrencyThread|MiddlewareTests|findingsDoNotDependOnThreads|EventPipeTests|OrderedPipelineTests|SplitParseTests|BesideWorkTests|LintContextSplitTests|CompileAheadTests|HelperThreadTests|registeringAheadGivesTheSameFindings'}

# LeakSanitizer suppressions, each with its reason:
# - XCTest's own runner leaks a few objects on Linux (`swift test` loads it even for Swift Testing
#   suites).
# - Swift keeps the case of a multi-payload indirect enum in spare bits of the box pointer (the
#   model's `Schema` is `.object` or `.boolean`, both indirect). LeakSanitizer does not recognise a
#   pointer with those bits set, so every schema box of a spec held in a test's `static let`, and
#   everything it holds, is reported as leaked although it is reachable. Six lines reproduce it:
#   `indirect enum S { case a(Int), b(Int) }` stored in a global dictionary as `.b(1)`.
#   Model building is where those boxes and their arrays and strings are allocated, and the
#   registration of components, whose reference table holds each one in such a box
#   (`ReferenceTable.ResolvedObject`; since the model's values are copy-on-write, copying one into
#   its box no longer goes through a model frame the lines above match). (Patterns are substrings of
#   the mangled names LSan prints; a leading `$` would be an end-of-name anchor.)
# - The Swift runtime's cache of demangled type names (`swift_getTypeName`, through
#   `String(describing:)` in ArgumentParser's validators), kept for the life of the process.
# - Foundation's `Data(contentsOf:)` and `Process` storage is reached the same way (an enum with a
#   tagged reference), from tests that read fixtures and run the built binary.
suppressions=$(mktemp)
trap 'rm -f "$suppressions"' EXIT
cat >"$suppressions" <<'SUPPRESSIONS'
leak:libXCTest.so
leak:s13FlowSpecModel0C7Builder
leak:s13FlowSpecModel10OrderedMapV6append
leak:s13FlowSpecModel12SchemaObjectV
leak:18registerComponents_2in
leak:swift_getTypeName
leak:libFoundationEssentials.so
leak:libFoundation.so
SUPPRESSIONS

status=0
for run in "${runs[@]}"; do
    case "$run" in
        address)
            echo "== AddressSanitizer + LeakSanitizer: the whole test suite (.build-asan)"
            mkdir -p .build-asan
            log=.build-asan/sanitizer.log
            set +e
            # A debug build's frames grow several times under ASan: the tests that validate values
            # nested hundreds of levels deep need more than the default 8 MiB thread stack (new
            # threads take their default size from this limit), or they stop at the stack limit.
            ulimit -s 65536 2>/dev/null || echo "could not raise the stack limit; deep-nesting tests may fail" >&2
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
