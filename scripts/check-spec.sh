#!/usr/bin/env bash
# Validate the PingOne flows OpenAPI description and its multi-file twin with independent tools.
#
#   bash scripts/check-spec.sh
#
# 1. openapi-spec-validator (PyPI) on both documents (structure against the OAS 3.1 schema,
#    relative $refs followed).
# 2. scripts/validate-spec-examples.py: every example against its schema with jsonschema's
#    Draft 2020-12 validator and format checking (uuid, date-time, email, uri).
# 3. scripts/lint-spec.py: Spectral-style oas rules, YAML style, x-hal-actions consistency.
# 4. scripts/split-flows-spec.py --check: the twin is what the split of the single file gives.
# 5. scripts/check-multifile-equivalence.py: both dereference to the same JSON value.
# 6. scripts/make-captures.py --check and scripts/check-captures.py: the HAR captures in
#    examples/captures/ are up to date and agree with the spec (expected-findings.json).
#
# Needs python3 with PyYAML, jsonschema (>= 4.18, with referencing) and openapi-spec-validator
# (pip install openapi-spec-validator). Runs every step; exits 1 if any step failed, 2 if a
# required Python package is missing.
set -u
cd "$(dirname "$0")/.."

SINGLE=specs/pingone-flows.yaml
MULTI=specs/pingone-flows/openapi.yaml
status=0

step() {
  echo "== $1"
  shift
  if ! "$@"; then
    echo "FAILED: $*"
    status=1
  fi
}

if ! python3 -c 'import yaml, jsonschema, referencing, openapi_spec_validator' 2>/dev/null; then
  echo "check-spec: missing Python packages; run: python3 -m pip install openapi-spec-validator pyyaml jsonschema"
  exit 2
fi

step "openapi-spec-validator" python3 -m openapi_spec_validator "$SINGLE" "$MULTI"
step "examples against schemas" python3 scripts/validate-spec-examples.py "$SINGLE" "$MULTI"
step "lint" python3 scripts/lint-spec.py "$SINGLE" "$MULTI"
step "split is up to date" python3 scripts/split-flows-spec.py --check
step "multi-file equivalence" python3 scripts/check-multifile-equivalence.py "$SINGLE" "$MULTI"
step "captures are up to date" python3 scripts/make-captures.py --check
step "captures against the single file" python3 scripts/check-captures.py "$SINGLE"
step "captures against the multi-file twin" python3 scripts/check-captures.py "$MULTI"

if [ "$status" -eq 0 ]; then
  echo "check-spec: all checks passed"
else
  echo "check-spec: FAILED"
fi
exit "$status"
