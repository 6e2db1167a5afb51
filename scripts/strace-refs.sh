#!/usr/bin/env bash
# Shows, with strace, that loading a spec whose references point at the network and outside its
# folder opens no socket and no file outside the spec's folder (docs/security.md, "References").
#
#   scripts/strace-refs.sh            uses .build/debug/flowspec (built when missing)
#   FLOWSPEC=path/to/flowspec scripts/strace-refs.sh
#   scripts/strace-refs.sh --allow-remote-refs --allow-outside-refs
#                                     passes the flags on: the trace must then show the accesses
#   scripts/strace-refs.sh --no-self-check
#                                     skips the control run described below
#
# Linux only; needs strace (apt-get install strace). Exits 0 when the trace is clean, 1 when a
# socket call or an out-of-folder open shows up (and prints it), 2 when it cannot run.
#
# A clean trace proves something only if the check would see an access, so after the real run the
# script loads the same spec again with --allow-remote-refs --allow-outside-refs (a control run) and
# fails unless that trace shows both a socket call and the open of ../outside.yaml. The control run
# tries to resolve example.com: with no network it fails in about a second, which is the point.
set -euo pipefail
cd "$(dirname "$0")/.."

flags=()
self_check=1
while (($#)); do
    case "$1" in
        --allow-remote-refs | --allow-outside-refs) flags+=("$1"); self_check=0; shift ;;
        --no-self-check) self_check=0; shift ;;
        -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

command -v strace >/dev/null || { echo "strace is not installed (apt-get install strace)" >&2; exit 2; }
binary=${FLOWSPEC:-.build/debug/flowspec}
if [[ ! -x $binary ]]; then
    echo "building flowspec"
    swift build --product flowspec >/dev/null
fi
binary=$(realpath "$binary")
binary_dir=$(dirname "$binary")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
work=$(realpath "$work")
spec_dir=$work/spec
mkdir -p "$spec_dir/parts"

# Targets outside the folder, which must never be opened.
printf 'Secret: {type: string}\n' >"$work/outside.yaml"
ln -s ../../outside.yaml "$spec_dir/parts/escape.yaml"

# A file inside the folder, which may be.
printf 'Pet: {type: object, properties: {name: {type: string}}}\n' >"$spec_dir/parts/pet.yaml"

cat >"$spec_dir/openapi.yaml" <<'YAML'
openapi: 3.1.0
info: {title: references, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: 'parts/pet.yaml#/Pet'}
components:
  schemas:
    Remote: {$ref: 'https://example.com/x.yaml'}
    RemotePlain: {$ref: 'http://example.com/y.yaml#/Y'}
    Up: {$ref: '../outside.yaml'}
    UpPointer: {$ref: '../outside.yaml#/Secret'}
    Absolute: {$ref: '/etc/passwd'}
    FileURI: {$ref: 'file:///etc/hostname#/x'}
    Link: {$ref: 'parts/escape.yaml#/Secret'}
    Local: {$ref: 'parts/pet.yaml#/Pet'}
YAML

# Everything a process of this kind may open outside the spec's folder: the dynamic loader's and
# the Swift runtime's libraries, the binary's own folder, kernel pseudo-files and the locale and
# time zone data the C library and Foundation read at start-up.
allowed='^(/lib|/lib64|/usr/lib|/usr/lib64|/usr/local/lib|/opt/swift|/proc/|/sys/|/dev/|/etc/ld\.so|/etc/localtime|/usr/share/zoneinfo|/usr/share/locale|/usr/lib/locale|/etc/locale|/etc/default/locale|/usr/share/icu)'

# trace_load NAME [FLAGS...]: runs `flowspec inspect` on the spec under strace into $work/NAME.txt,
# then fills `sockets`, `inside` and `outside` from the trace.
trace_load() {
    local name=$1 trace=$work/$1.txt opens path code
    shift
    echo "$ (cd <spec> && strace -f -e trace=network,open,openat,openat2 $binary inspect openapi.yaml${*:+ $*})"
    set +e
    (cd "$spec_dir" && strace -f -qq -e trace=network,open,openat,openat2 -o "$trace" "$binary" inspect openapi.yaml "$@") \
        >"$work/$name.stdout" 2>"$work/$name.stderr"
    code=$?
    set -e
    echo "flowspec inspect exited with status $code; its report:"
    sed 's/^/    /' "$work/$name.stdout" "$work/$name.stderr" | cut -c1-200 | head -40

    sockets=$(grep -E '(^|[0-9] )(socket|connect|socketpair|bind|sendto|sendmsg)\(' "$trace" || true)
    opens=$(grep -E 'open(at2?)?\(' "$trace" | grep -oE '"[^"]*"' | tr -d '"' | sort -u)
    outside=()
    inside=()
    while IFS= read -r path; do
        [[ -z $path ]] && continue
        [[ $path == /* ]] || path=$spec_dir/$path
        case "$path" in
            "$spec_dir" | "$spec_dir"/*) inside+=("$path"); continue ;;
            "$binary_dir" | "$binary_dir"/*) continue ;;
        esac
        [[ $path =~ $allowed ]] && continue
        outside+=("$path")
    done <<<"$opens"
}

trace_load trace ${flags[@]+"${flags[@]}"}

echo
echo "network calls: $(if [[ -n $sockets ]]; then echo "$sockets" | wc -l; else echo 0; fi)"
echo "files opened inside the spec's folder:"
printf '    %s\n' "${inside[@]/#$spec_dir/<spec>}"
echo "files opened outside the spec's folder (beyond libraries, locale data and /proc, /sys, /dev): ${#outside[@]}"
status=0
if [[ -n $sockets ]]; then
    echo "FAIL: socket calls:" >&2
    echo "$sockets" >&2
    status=1
fi
if ((${#outside[@]})); then
    echo "FAIL: opened outside the spec's folder:" >&2
    printf '    %s\n' "${outside[@]}" >&2
    status=1
fi
if ! printf '%s\n' "${inside[@]}" | grep -q "parts/pet.yaml"; then
    echo "FAIL: the local reference parts/pet.yaml was not read, so the trace proves nothing" >&2
    status=1
fi
((status == 0)) && echo "PASS: no socket, nothing outside the spec's folder"

if ((self_check)); then
    echo
    echo "control run: the same spec with the references allowed, which the check must catch"
    trace_load control --allow-remote-refs --allow-outside-refs
    echo "network calls: $(if [[ -n $sockets ]]; then echo "$sockets" | wc -l; else echo 0; fi)"
    echo "files opened outside the spec's folder: ${#outside[@]}"
    printf '    %s\n' "${outside[@]/#$work/<tmp>}"
    if [[ -z $sockets ]] || ! printf '%s\n' "${outside[@]}" | grep -qx "$work/outside.yaml"; then
        echo "FAIL: the control run's socket calls or its read of ../outside.yaml went unseen, so the check above proves nothing" >&2
        status=1
    else
        echo "control run caught: the check sees socket calls and out-of-folder reads"
    fi
fi
exit $status
