#!/usr/bin/env python3
"""Check that the multi-file twin and the single file describe exactly the same API.

    python3 scripts/check-multifile-equivalence.py [SINGLE] [MULTI_ROOT]

Defaults: specs/pingone-flows.yaml and specs/pingone-flows/openapi.yaml. Both are fully
dereferenced the same way (local pointers in the single file; relative file references with
JSON-pointer fragments in the twin; remote references refused, cycles reported) and the
resulting JSON values must be equal. On a difference the first differing JSON pointers are
printed. Exit status 0 when equal, 1 otherwise.
"""

from __future__ import annotations

import os
import sys

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from specutil import Resolver, escape_pointer_token  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def differences(left, right, where: str = "", limit: int = 20) -> list[str]:
    found: list[str] = []

    def walk(a, b, path: str) -> None:
        if len(found) >= limit:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for key in list(a) + [k for k in b if k not in a]:
                child = f"{path}/{escape_pointer_token(str(key))}"
                if key not in a:
                    found.append(f"{child}: only in the multi-file twin")
                elif key not in b:
                    found.append(f"{child}: only in the single file")
                else:
                    walk(a[key], b[key], child)
        elif isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                found.append(f"{path or '/'}: array lengths {len(a)} and {len(b)}")
            for index, (x, y) in enumerate(zip(a, b)):
                walk(x, y, f"{path}/{index}")
        elif type(a) is not type(b) or a != b:
            found.append(f"{path or '/'}: {a!r} != {b!r}")

    walk(left, right, where)
    return found


def main(argv: list[str]) -> int:
    single = argv[1] if len(argv) > 1 else os.path.join(REPO, "specs", "pingone-flows.yaml")
    multi = argv[2] if len(argv) > 2 else os.path.join(REPO, "specs", "pingone-flows", "openapi.yaml")
    try:
        # The single file may only use local references; the twin may use relative files.
        left = Resolver(single, allow_files=False).dereference()
        multi_resolver = Resolver(multi)
        right = multi_resolver.dereference()
    except (ValueError, OSError) as error:
        print(f"equivalence: cannot resolve: {error}")
        return 1
    found = differences(left, right)
    if found:
        print("equivalence: the dereferenced documents differ:")
        for line in found:
            print("  " + line)
        return 1
    print(
        f"equivalence: {os.path.relpath(single, REPO)} and {os.path.relpath(multi, REPO)} "
        f"({len(multi_resolver.files)} files) are equal once dereferenced"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
