#!/usr/bin/env bash
# Shows, with strace, that loading a spec whose references point at the network and outside its
# folder opens no socket and no file outside the spec's folder (docs/security.md, "References").
#
#   scripts/strace-refs.sh            uses .build/debug/flowspec (built when missing)
#   FLOWSPEC=path/to/flowspec scripts/strace-refs.sh
#
# Linux only; needs strace (apt-get install strace). Exits 0 when the trace is clean, 1 when a
# socket call or an out-of-folder open shows up (and prints it), 2 when it cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."

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

trace=$work/trace.txt
echo "$ (cd $spec_dir && strace -f -e trace=network,open,openat,openat2 $binary inspect openapi.yaml)"
set +e
(cd "$spec_dir" && strace -f -qq -e trace=network,open,openat,openat2 -o "$trace" "$binary" inspect openapi.yaml) \
    >"$work/stdout.txt" 2>"$work/stderr.txt"
code=$?
set -e
echo "flowspec inspect exited with status $code; its report:"
sed 's/^/    /' "$work/stdout.txt" "$work/stderr.txt" | head -40

# Everything a process of this kind may open outside the spec's folder: the dynamic loader's and
# the Swift runtime's libraries, the binary's own folder, kernel pseudo-files and the locale and
# time zone data the C library and Foundation read at start-up.
allowed='^(/lib|/lib64|/usr/lib|/usr/lib64|/usr/local/lib|/opt/swift|/proc/|/sys/|/dev/|/etc/ld\.so|/etc/localtime|/usr/share/zoneinfo|/usr/share/locale|/usr/lib/locale|/etc/locale|/etc/default/locale|/usr/share/icu)'

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
exit $status
