#!/usr/bin/env python3
"""Validate every example in an OpenAPI 3.1 document against its schema.

    python3 scripts/validate-spec-examples.py SPEC [SPEC ...]

Checked, with jsonschema's Draft 2020-12 validator and format checking (uuid, date-time,
email, uri, uri-reference):

- ``example`` and every ``examples`` entry (following Example Object references) of each
  media type in request bodies and responses, of each parameter and of each header;
- ``example`` and ``examples`` (the JSON Schema array keyword) inside every schema, against
  that schema;
- every request-body and response media type has at least one example (the FlowSpec spec
  promises an example for every action and response).

``$ref`` values are resolved as the spec means them: Reference Objects are followed (local
pointers and relative files), and schemas are validated through a ``referencing`` registry
that holds every file of the document under its file URI. Exit status 1 on any problem.
"""

from __future__ import annotations

import os
import sys
from urllib.parse import unquote

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from specutil import Resolver, SchemaValidator, escape_pointer_token, resolve_pointer  # noqa: E402

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
SUBSCHEMA_ONE = (
    "items", "additionalProperties", "not", "if", "then", "else", "contains",
    "propertyNames", "unevaluatedItems", "unevaluatedProperties",
)
SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")


class Checker:
    def __init__(self, spec_path: str):
        self.resolver = Resolver(spec_path)
        self.schemas = SchemaValidator(self.resolver)
        self.problems: list[str] = []
        self.validated = 0
        self.seen_schemas: set[tuple[str, str]] = set()
        self.seen_objects: set[tuple[str, str, str]] = set()
        self.rel = lambda path: os.path.relpath(path)

    # -- reference following with locations ----------------------------------------------

    def follow(self, node, file: str, pointer: str):
        hops = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            target_file, fragment = self.resolver.target(node["$ref"], file)
            node = resolve_pointer(self.resolver.load(target_file), fragment)
            file, pointer = target_file, unquote(fragment)
            hops += 1
            if hops > 50:
                raise ValueError(f"{file}#{pointer}: reference chain too long")
        return node, file, pointer

    def first_visit(self, kind: str, file: str, pointer: str) -> bool:
        key = (kind, file, pointer)
        if key in self.seen_objects:
            return False
        self.seen_objects.add(key)
        return True

    # -- examples ---------------------------------------------------------------------------

    def check_value(self, what: str, value, schema_loc: tuple[str, str] | None) -> None:
        if schema_loc is None:
            self.problems.append(f"{what}: example without a schema")
            return
        self.validated += 1
        for error in self.schemas.errors(schema_loc[0], schema_loc[1], value):
            self.problems.append(f"{what}: {error}")

    def check_examples_of(self, holder, file: str, pointer: str, schema_loc, what: str) -> int:
        """Validate ``example``/``examples`` of a media type, parameter or header. Returns count."""
        count = 0
        if "example" in holder:
            self.check_value(f"{what} example", holder["example"], schema_loc)
            count += 1
        for name, example in (holder.get("examples") or {}).items():
            example, efile, epointer = self.follow(example, file, f"{pointer}/examples/{escape_pointer_token(name)}")
            if "externalValue" in example:
                self.problems.append(f"{what} example {name!r}: externalValue is not checked; inline the value")
                continue
            if "value" not in example:
                self.problems.append(f"{what} example {name!r} ({self.rel(efile)}#{epointer}): no value")
                continue
            self.check_value(f"{what} example {name!r}", example["value"], schema_loc)
            count += 1
        return count

    def schema_location(self, holder, file: str, pointer: str):
        if "schema" not in holder:
            return None
        _, sfile, spointer = self.follow(holder["schema"], file, pointer + "/schema")
        self.walk_schema(holder["schema"], file, pointer + "/schema")
        return sfile, spointer

    def check_content(self, content, file: str, pointer: str, what: str, require_example: bool) -> None:
        for media_type, media in (content or {}).items():
            mpointer = f"{pointer}/{escape_pointer_token(media_type)}"
            schema_loc = self.schema_location(media, file, mpointer)
            count = self.check_examples_of(media, file, mpointer, schema_loc, f"{what} {media_type}")
            if require_example and count == 0:
                self.problems.append(f"{what} {media_type}: no example")

    def check_parameter(self, parameter, file: str, pointer: str) -> None:
        parameter, file, pointer = self.follow(parameter, file, pointer)
        if not self.first_visit("parameter", file, pointer):
            return
        what = f"parameter {parameter.get('name')!r} ({parameter.get('in')})"
        schema_loc = self.schema_location(parameter, file, pointer)
        self.check_examples_of(parameter, file, pointer, schema_loc, what)
        if "content" in parameter:
            self.check_content(parameter["content"], file, pointer + "/content", what, False)

    def check_header(self, header, file: str, pointer: str, name: str) -> None:
        header, file, pointer = self.follow(header, file, pointer)
        if not self.first_visit("header", file, pointer):
            return
        schema_loc = self.schema_location(header, file, pointer)
        self.check_examples_of(header, file, pointer, schema_loc, f"header {name!r}")

    def check_response(self, response, file: str, pointer: str, what: str) -> None:
        response, file, pointer = self.follow(response, file, pointer)
        if not self.first_visit("response", file, pointer):
            return
        for name, header in (response.get("headers") or {}).items():
            self.check_header(header, file, f"{pointer}/headers/{escape_pointer_token(name)}", name)
        self.check_content(response.get("content"), file, pointer + "/content", what, True)

    def check_request_body(self, body, file: str, pointer: str, what: str) -> None:
        body, file, pointer = self.follow(body, file, pointer)
        if not self.first_visit("requestBody", file, pointer):
            return
        self.check_content(body.get("content"), file, pointer + "/content", what, True)

    # -- schemas ------------------------------------------------------------------------------

    def walk_schema(self, schema, file: str, pointer: str) -> None:
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            schema, file, pointer = self.follow(schema, file, pointer)
        if not isinstance(schema, dict):
            return
        if (file, pointer) in self.seen_schemas:
            return
        self.seen_schemas.add((file, pointer))
        where = f"schema {self.rel(file)}#{pointer}"
        if "example" in schema:
            self.check_value(f"{where} example", schema["example"], (file, pointer))
        if isinstance(schema.get("examples"), list):
            for index, value in enumerate(schema["examples"]):
                self.check_value(f"{where} examples[{index}]", value, (file, pointer))
        for key in SUBSCHEMA_MAPS:
            for name, sub in (schema.get(key) or {}).items():
                self.walk_schema(sub, file, f"{pointer}/{key}/{escape_pointer_token(name)}")
        for key in SUBSCHEMA_ONE:
            if isinstance(schema.get(key), dict):
                self.walk_schema(schema[key], file, f"{pointer}/{key}")
        for key in SUBSCHEMA_LISTS:
            for index, sub in enumerate(schema.get(key) or []):
                self.walk_schema(sub, file, f"{pointer}/{key}/{index}")

    # -- document -------------------------------------------------------------------------------

    def run(self) -> None:
        root, file = self.resolver.root, self.resolver.root_path
        for path, item in (root.get("paths") or {}).items():
            item, ifile, ipointer = self.follow(item, file, f"/paths/{escape_pointer_token(path)}")
            for index, parameter in enumerate(item.get("parameters") or []):
                self.check_parameter(parameter, ifile, f"{ipointer}/parameters/{index}")
            for method in METHODS:
                if method not in item:
                    continue
                operation = item[method]
                opointer = f"{ipointer}/{method}"
                what = f"{method.upper()} {path}"
                for index, parameter in enumerate(operation.get("parameters") or []):
                    self.check_parameter(parameter, ifile, f"{opointer}/parameters/{index}")
                if "requestBody" in operation:
                    self.check_request_body(operation["requestBody"], ifile, opointer + "/requestBody", f"{what} request")
                for status, response in (operation.get("responses") or {}).items():
                    self.check_response(
                        response, ifile, f"{opointer}/responses/{escape_pointer_token(str(status))}", f"{what} {status}"
                    )
        components = root.get("components") or {}
        for name in components.get("parameters") or {}:
            self.check_parameter(components["parameters"][name], file, f"/components/parameters/{escape_pointer_token(name)}")
        for name in components.get("headers") or {}:
            self.check_header(components["headers"][name], file, f"/components/headers/{escape_pointer_token(name)}", name)
        for name in components.get("responses") or {}:
            self.check_response(
                components["responses"][name], file, f"/components/responses/{escape_pointer_token(name)}", f"response {name}"
            )
        for name in components.get("requestBodies") or {}:
            self.check_request_body(
                components["requestBodies"][name], file, f"/components/requestBodies/{escape_pointer_token(name)}", name
            )
        for name, schema in (components.get("schemas") or {}).items():
            self.walk_schema(schema, file, f"/components/schemas/{escape_pointer_token(name)}")


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    failed = False
    for spec in argv[1:]:
        try:
            checker = Checker(spec)
            checker.run()
        except (ValueError, OSError, KeyError) as error:
            print(f"examples: {spec}: {error}")
            failed = True
            continue
        if checker.problems:
            failed = True
            print(f"examples: {spec}: {len(checker.problems)} problem(s)")
            for problem in checker.problems:
                print("  " + problem)
        else:
            print(f"examples: {spec}: {checker.validated} example values valid against their schemas")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
