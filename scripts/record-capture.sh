#!/usr/bin/env bash
# Records a capture with real tools and validates it: curl talks to the example service
# (examples/flows-service, the fake PingOne flows endpoint) on loopback through mitmproxy, whose HAR
# export (`--set hardump=`) writes the capture; then `flowspec validate` checks it against
# specs/pingone-flows.yaml and this script checks each entry's verdict.
#
#   scripts/record-capture.sh                 records to a temporary file
#   scripts/record-capture.sh OUT.har         keeps the capture (examples/captures/recorded-mitmproxy.har
#                                             was made this way)
#
# Needs mitmdump (mitmproxy from PyPI; installed into $MITM_VENV, default /tmp/flowspec-mitm, when
# missing) and curl. Builds flowspec and the example service when their binaries are missing
# (the service takes about four minutes the first time: Hummingbird). Exits 0 when every entry got
# the verdict listed below, 1 when one did not, 2 when it cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 2; }
mitmdump=$(command -v mitmdump || true)
if [[ -z $mitmdump ]]; then
    venv=${MITM_VENV:-/tmp/flowspec-mitm}
    if [[ ! -x $venv/bin/mitmdump ]]; then
        echo "installing mitmproxy into $venv" >&2
        python3 -m venv "$venv" && "$venv/bin/pip" install -q mitmproxy >&2 || { echo "cannot install mitmproxy" >&2; exit 2; }
    fi
    mitmdump=$venv/bin/mitmdump
fi

flowspec=${FLOWSPEC:-.build/debug/flowspec}
[[ -x $flowspec ]] || swift build --product flowspec >&2
service=examples/flows-service/.build/debug/flows-service
[[ -x $service ]] || swift build --package-path examples/flows-service --product flows-service >&2

work=$(mktemp -d)
out=${1:-$work/recorded.har}
[[ $out = /* ]] || out=$root/$out
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for_port() {
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listens on port $1" >&2
    exit 2
}

service_port=$(free_port)
"$service" specs/pingone-flows.yaml "$service_port" >"$work/service.log" 2>&1 &
pids+=($!)
wait_for_port "$service_port"

proxy_port=$(free_port)
# A regular (forward) proxy: curl sends absolute URLs to it, as a browser configured with a proxy does.
"$mitmdump" --quiet --listen-host 127.0.0.1 --listen-port "$proxy_port" --set hardump="$out" \
    --set confdir="$work/mitmproxy" >"$work/mitmdump.log" 2>&1 &
mitm=$!
pids+=($mitm)
wait_for_port "$proxy_port"

env=http://127.0.0.1:$service_port/3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e73/flows
flow=$env/4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36
other=$env/9d2e6a41-7c3b-4f08-a1e5-2b7c9f4d0e86
action() { printf 'application/vnd.pingidentity.%s+json' "$1"; }
send() { curl -s -o /dev/null --proxy "http://127.0.0.1:$proxy_port" "$@"; }

# The expected verdict of each entry, in the order the requests are sent. Two flows: one signs on
# with mistakes on the way, one asks for an action its last response did not offer.
expected=()
send "$flow";                                                             expected+=(valid)
send -X POST "$flow" -H "Content-Type: application/json" -d '{}';        expected+=(invalid) # media type
send -X POST "$flow" -H "Content-Type: $(action usernamePassword.check)" \
    -d '{"username": "lisa.park"}';                                       expected+=(invalid) # no password
send -X POST "$flow" -H "Content-Type: $(action usernamePassword.check); charset=utf-8" \
    -d '{"username": "lisa.park", "password": "Examp1e-Passw0rd!"}';      expected+=(valid)
send -X POST "$flow" -H "Content-Type: $(action session.reset)" -d '{}'; expected+=(invalid) # after COMPLETED
send -X DELETE "$flow";                                                   expected+=(invalid) # no such method
send "$other";                                                            expected+=(valid)
send -X POST "$other" -H "Content-Type: $(action password.forgot)" \
    -d '{"username": "lisa.park"}';                                       expected+=(valid)
send -X POST "$other" -H "Content-Type: $(action session.reset)" -d '{}'; expected+=(invalid) # not offered

# mitmproxy writes the HAR when it shuts down.
kill -INT "$mitm"
wait "$mitm" 2>/dev/null || true
[[ -s $out ]] || { echo "mitmproxy wrote no HAR; its log:" >&2; cat "$work/mitmdump.log" >&2; exit 2; }

status=0
"$flowspec" validate --spec specs/pingone-flows.yaml "$out" --format json >"$work/report.json" || status=$?
if ((status == 2)); then
    echo "flowspec validate could not run" >&2
    exit 2
fi
python3 - "$work/report.json" "${expected[@]}" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
expected = sys.argv[2:]
entries = report["entries"]
ok = len(entries) == len(expected)
if not ok:
    print(f"the capture has {len(entries)} entries, {len(expected)} requests were sent")
for entry, want in zip(entries, expected):
    codes = ", ".join(f["code"] for f in entry["findings"]) or "-"
    mark = "ok " if entry["verdict"] == want else "BAD"
    ok &= entry["verdict"] == want
    print(f"{mark} entry {entry['index']}: {entry['verdict']:7} (expected {want:7}) {codes}")
sys.exit(0 if ok else 1)
PY
