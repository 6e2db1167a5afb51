#!/usr/bin/env python3
"""Lint an OpenAPI 3.1 document with a Python re-implementation of common Spectral rules.

    python3 scripts/lint-spec.py SPEC [SPEC ...]

Spectral itself (a Node tool) is not installable on the project's machines, so this script
re-implements the Spectral ``spectral:oas`` rules that apply to an OpenAPI 3.1 document
without security schemes in use, under their Spectral names:

  info-contact, info-description, info-license, license-url, oas3-api-servers,
  oas3-server-trailing-slash, oas3-server-not-example.com, oas3-server-variables,
  openapi-tags, openapi-tags-uniqueness, tag-description, operation-tags,
  operation-tag-defined, operation-description, operation-operationId,
  operation-operationId-unique, operation-operationId-valid-in-url,
  operation-success-response, operation-parameters, path-params,
  path-keys-no-trailing-slash, path-not-include-query, oas3-parameter-description,
  oas3-unused-component, array-items, typed-enum, duplicated-entry-in-enum,
  no-eval-in-markdown, no-script-tags-in-markdown

(``oas3-valid-media-example`` and ``oas3-valid-schema-example`` are done by
validate-spec-examples.py; ``oas3-schema`` by openapi-spec-validator.) Project rules:

  flowspec-operationId-camel-case   operationIds are lowerCamelCase
  flowspec-operation-summary        every operation has a summary
  flowspec-reserved-header-param    no header parameter named Content-Type, Accept,
                                    Authorization or Cookie (OAS ignores or forbids them)
  flowspec-error-responses          every operation declares 4xx and 5xx responses, and
                                    every 429 response a Retry-After header
  flowspec-yaml-style               no tabs, no trailing blanks, 2-space indentation steps,
                                    final newline; status-code keys quoted (a YAML integer key
                                    is refused when loading)
  hal-extension-invalid             x-hal-actions matches docs/x-hal-actions.schema.json and
                                    its cross-references hold (docs/link-extension.md)

Exit status 1 when any rule fails.
"""

from __future__ import annotations

import json
import os
import re
import sys

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from specutil import Resolver, escape_pointer_token, parse_media_type  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTENSION_SCHEMA = os.path.join(REPO, "docs", "x-hal-actions.schema.json")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
URL_SAFE = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]*$")
RESERVED_HEADERS = {"content-type", "accept", "authorization", "cookie"}


class Linter:
    def __init__(self, spec: str):
        self.spec = spec
        self.resolver = Resolver(spec)
        self.root = self.resolver.root
        self.findings: list[str] = []

    def report(self, rule: str, where: str, message: str) -> None:
        self.findings.append(f"{rule}: {where}: {message}")

    def follow(self, node, file: str):
        return self.resolver.follow(node, file)

    # -- all files, all refs -----------------------------------------------------------------

    def load_all(self) -> None:
        pending = [self.resolver.root_path]
        done = set()
        while pending:
            file = pending.pop()
            if file in done:
                continue
            done.add(file)
            for ref in self.refs_in(self.resolver.load(file)):
                path, _ = self.resolver.target(ref, file)
                pending.append(path)

    def refs_in(self, node):
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                yield node["$ref"]
            for value in node.values():
                yield from self.refs_in(value)
        elif isinstance(node, list):
            for value in node:
                yield from self.refs_in(value)

    # -- style ----------------------------------------------------------------------------------

    def check_style(self) -> None:
        for file in sorted(self.resolver.files):
            where = os.path.relpath(file, REPO)
            with open(file, encoding="utf-8") as handle:
                text = handle.read()
            if text and not text.endswith("\n"):
                self.report("flowspec-yaml-style", where, "no final newline")
            previous = 0
            block_parent = None  # indentation of the line that opened a block scalar
            for number, line in enumerate(text.split("\n"), 1):
                if "\t" in line:
                    self.report("flowspec-yaml-style", f"{where}:{number}", "tab character")
                if line != line.rstrip():
                    self.report("flowspec-yaml-style", f"{where}:{number}", "trailing whitespace")
                stripped = line.lstrip(" ")
                indent = len(line) - len(stripped)
                if block_parent is not None:
                    if not stripped or indent > block_parent:
                        continue  # block scalar content: free-form text
                    block_parent = None
                if not stripped or stripped.startswith("#"):
                    continue
                if re.search(r"(^|:\s|^-\s)[|>][+-]?[0-9]?\s*$", stripped):
                    block_parent = indent
                if indent % 2:
                    self.report("flowspec-yaml-style", f"{where}:{number}", f"odd indentation ({indent})")
                if indent > previous + 2:
                    self.report("flowspec-yaml-style", f"{where}:{number}", f"indentation step {indent - previous} > 2")
                previous = indent
                # a sequence item opens a nested level at its content column
                if stripped.startswith("- "):
                    previous = indent + 2

    # -- document rules ---------------------------------------------------------------------

    def check_info(self) -> None:
        info = self.root.get("info") or {}
        if not info.get("contact"):
            self.report("info-contact", "/info", "info.contact is missing")
        if not info.get("description"):
            self.report("info-description", "/info", "info.description is missing")
        license_ = info.get("license")
        if not license_:
            self.report("info-license", "/info", "info.license is missing")
        elif not license_.get("url"):
            self.report("license-url", "/info/license", "license.url is missing")

    def check_servers(self) -> None:
        servers = self.root.get("servers")
        if not servers:
            self.report("oas3-api-servers", "/servers", "no servers")
            return
        for index, server in enumerate(servers):
            where = f"/servers/{index}"
            url = server.get("url", "")
            if url.endswith("/"):
                self.report("oas3-server-trailing-slash", where, f"{url!r} ends with '/'")
            if re.search(r"(^|[/.])example\.com", url):
                self.report("oas3-server-not-example.com", where, url)
            used = set(re.findall(r"{([^}]+)}", url))
            variables = server.get("variables") or {}
            for name in used - set(variables):
                self.report("oas3-server-variables", where, f"variable {name!r} is not defined")
            for name, variable in variables.items():
                if name not in used:
                    self.report("oas3-server-variables", where, f"variable {name!r} is not used in the URL")
                if "enum" in variable and variable.get("default") not in variable["enum"]:
                    self.report("oas3-server-variables", where, f"default of {name!r} is not in its enum")

    def check_tags(self) -> set[str]:
        tags = self.root.get("tags") or []
        if not tags:
            self.report("openapi-tags", "/tags", "no global tags")
        names = [tag.get("name") for tag in tags]
        for name in {n for n in names if names.count(n) > 1}:
            self.report("openapi-tags-uniqueness", "/tags", f"duplicate tag {name!r}")
        for index, tag in enumerate(tags):
            if not tag.get("description"):
                self.report("tag-description", f"/tags/{index}", f"tag {tag.get('name')!r} has no description")
        return set(names)

    def operations(self):
        for path, item in (self.root.get("paths") or {}).items():
            item, file = self.follow(item, self.resolver.root_path)
            for method in METHODS:
                if method in item:
                    yield path, item, method, item[method], file

    def check_paths(self, tags: set[str]) -> None:
        ids: dict[str, str] = {}
        for path in self.root.get("paths") or {}:
            where = f"/paths/{escape_pointer_token(path)}"
            if path.endswith("/") and path != "/":
                self.report("path-keys-no-trailing-slash", where, "path ends with '/'")
            if "?" in path:
                self.report("path-not-include-query", where, "path includes a query")
        for path, item, method, operation, file in self.operations():
            where = f"{method.upper()} {path}"
            if not operation.get("description"):
                self.report("operation-description", where, "no description")
            if not operation.get("summary"):
                self.report("flowspec-operation-summary", where, "no summary")
            operation_id = operation.get("operationId")
            if not operation_id:
                self.report("operation-operationId", where, "no operationId")
            else:
                if operation_id in ids:
                    self.report("operation-operationId-unique", where, f"{operation_id!r} also used by {ids[operation_id]}")
                ids[operation_id] = where
                if not URL_SAFE.match(operation_id):
                    self.report("operation-operationId-valid-in-url", where, f"{operation_id!r} is not URL-safe")
                if not re.fullmatch(r"[a-z][A-Za-z0-9]*", operation_id):
                    self.report("flowspec-operationId-camel-case", where, f"{operation_id!r} is not lowerCamelCase")
            operation_tags = operation.get("tags") or []
            if not operation_tags:
                self.report("operation-tags", where, "no tags")
            for tag in operation_tags:
                if tag not in tags:
                    self.report("operation-tag-defined", where, f"tag {tag!r} is not defined globally")
            statuses = [str(s) for s in (operation.get("responses") or {})]
            if not any(s[0] in "23" for s in statuses):
                self.report("operation-success-response", where, "no 2xx or 3xx response")
            if not any(s[0] == "4" for s in statuses) or not any(s[0] == "5" for s in statuses):
                self.report("flowspec-error-responses", where, "4xx and 5xx responses must both be declared")
            for status, response in (operation.get("responses") or {}).items():
                response, _ = self.follow(response, file)
                if not response.get("description"):
                    self.report("flowspec-error-responses", f"{where} {status}", "response has no description")
                if str(status) == "429" and "retry-after" not in {h.lower() for h in response.get("headers") or {}}:
                    self.report("flowspec-error-responses", f"{where} 429", "no Retry-After header")
            self.check_parameters(path, item, operation, file, where)

    def check_parameters(self, path: str, item: dict, operation: dict, file: str, where: str) -> None:
        declared = {}
        for source in (item.get("parameters") or [], operation.get("parameters") or []):
            seen = set()
            for parameter in source:
                parameter, _ = self.follow(parameter, file)
                key = (parameter.get("name"), parameter.get("in"))
                if key in seen:
                    self.report("operation-parameters", where, f"duplicate parameter {key}")
                seen.add(key)
                declared[key] = parameter
                if not parameter.get("description"):
                    self.report("oas3-parameter-description", where, f"parameter {key[0]!r} has no description")
                if parameter.get("in") == "header" and str(parameter.get("name", "")).lower() in RESERVED_HEADERS:
                    self.report("flowspec-reserved-header-param", where, f"header parameter {parameter.get('name')!r}")
        templated = re.findall(r"{([^}]+)}", path)
        for name in {n for n in templated if templated.count(n) > 1}:
            self.report("path-params", where, f"path parameter {name!r} appears twice")
        for name in templated:
            parameter = declared.get((name, "path"))
            if parameter is None:
                self.report("path-params", where, f"path parameter {name!r} is not declared")
            elif parameter.get("required") is not True:
                self.report("path-params", where, f"path parameter {name!r} is not required: true")
        for name, location in declared:
            if location == "path" and name not in templated:
                self.report("path-params", where, f"declared path parameter {name!r} is not in the path")

    # -- components -------------------------------------------------------------------------

    def check_unused_components(self) -> None:
        root_path = self.resolver.root_path
        targets = set()
        for file, document in self.resolver.files.items():
            self.collect_targets(document, file, "", targets)
        for kind, entries in (self.root.get("components") or {}).items():
            if kind == "securitySchemes":
                continue  # used by security requirements, not by $ref
            for name, value in (entries or {}).items():
                pointer = f"/components/{escape_pointer_token(kind)}/{escape_pointer_token(name)}"
                used = (root_path, pointer) in targets
                if isinstance(value, dict) and isinstance(value.get("$ref"), str):
                    path, fragment = self.resolver.target(value["$ref"], root_path)
                    used = used or (path, fragment) in targets
                if not used:
                    self.report("oas3-unused-component", pointer, "never referenced")
        schemes = set((self.root.get("components") or {}).get("securitySchemes") or {})
        required = set()
        for requirement in self.root.get("security") or []:
            required |= set(requirement)
        for _, _, _, operation, _ in self.operations():
            for requirement in operation.get("security") or []:
                required |= set(requirement)
        for name in schemes - required:
            self.report("oas3-unused-component", f"/components/securitySchemes/{name}", "never required")
        for name in required - schemes:
            self.report("oas3-operation-security-defined", "security", f"scheme {name!r} is not defined")

    def collect_targets(self, node, file: str, pointer: str, targets: set) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            is_declaration = file == self.resolver.root_path and re.fullmatch(r"/components/[^/]+/[^/]+", pointer)
            if isinstance(ref, str) and not is_declaration:
                targets.add(self.resolver.target(ref, file))
            for key, value in node.items():
                self.collect_targets(value, file, f"{pointer}/{escape_pointer_token(str(key))}", targets)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                self.collect_targets(value, file, f"{pointer}/{index}", targets)

    def check_schemas(self) -> None:
        """array-items, typed-enum, duplicated-entry-in-enum over every schema-looking object."""
        for file, document in self.resolver.files.items():
            self.walk_schemas(document, f"{os.path.relpath(file, REPO)}#", in_example=False)

    def walk_schemas(self, node, where: str, in_example: bool) -> None:
        if isinstance(node, dict):
            if not in_example:
                types = node.get("type")
                types = types if isinstance(types, list) else [types]
                if "array" in types and "items" not in node and "prefixItems" not in node:
                    self.report("array-items", where, "array schema without items")
                if isinstance(node.get("enum"), list):
                    enum = node["enum"]
                    dumped = [json.dumps(v, sort_keys=True) for v in enum]
                    for value in {v for v in dumped if dumped.count(v) > 1}:
                        self.report("duplicated-entry-in-enum", where, f"duplicate enum value {value}")
                    checks = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "object": dict}
                    for value in enum:
                        if node.get("type") in checks and not isinstance(value, checks[node["type"]]):
                            self.report("typed-enum", where, f"enum value {value!r} is not a {node['type']}")
            for key, value in node.items():
                child_in_example = in_example or key in ("example", "examples", "value") or key.startswith("x-")
                if key == "description" and isinstance(value, str):
                    if re.search(r"<script", value, re.I):
                        self.report("no-script-tags-in-markdown", where, "script tag in description")
                    if re.search(r"eval\(", value):
                        self.report("no-eval-in-markdown", where, "eval( in description")
                self.walk_schemas(value, f"{where}/{escape_pointer_token(str(key))}", child_in_example)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                self.walk_schemas(value, f"{where}/{index}", in_example)

    # -- x-hal-actions ----------------------------------------------------------------------

    def check_extension(self) -> None:
        import jsonschema

        with open(EXTENSION_SCHEMA, encoding="utf-8") as handle:
            meta = json.load(handle)
        operation_ids = {op.get("operationId"): (path, item, op, file) for path, item, _, op, file in self.operations()}
        found = 0
        for path, item, method, operation, file in self.operations():
            if "x-hal-actions" not in operation:
                continue
            found += 1
            where = f"{method.upper()} {path} x-hal-actions"
            value = operation["x-hal-actions"]
            errors = list(jsonschema.Draft202012Validator(meta).iter_errors(value))
            for error in errors:
                self.report("hal-extension-invalid", where, f"{'/'.join(map(str, error.absolute_path))}: {error.message}")
            if errors:
                continue
            body, _ = self.follow(operation.get("requestBody") or {}, file)
            content = {parse_media_type(k)[0]: k for k in (body.get("content") or {})}
            listed = set()
            for relation, media_types in value["actions"].items():
                for media_type in media_types:
                    listed.add(media_type.lower())
                    if media_type.lower() not in content:
                        self.report("hal-extension-invalid", where, f"{relation}: {media_type} is not a requestBody media type")
            for media_type in value.get("unadvertised", []):
                if media_type.lower() not in content:
                    self.report("hal-extension-invalid", where, f"unadvertised {media_type} is not a requestBody media type")
                if media_type.lower() in listed:
                    self.report("hal-extension-invalid", where, f"{media_type} is both advertised and unadvertised")
            covered = listed | {m.lower() for m in value.get("unadvertised", [])}
            for essence, key in content.items():
                if essence not in covered:
                    self.report("hal-extension-invalid", where, f"requestBody media type {key} is in neither actions nor unadvertised")
            for relation in value.get("unconfirmedRelations", []):
                if relation not in value["actions"]:
                    self.report("hal-extension-invalid", where, f"unconfirmed relation {relation!r} is not in actions")
            sources = value.get("linkSources") or [
                item[m].get("operationId") for m in METHODS if m in item
            ]
            identity = (value["identifiedBy"]["name"], value["identifiedBy"]["in"])
            for source in sources:
                if source not in operation_ids:
                    self.report("hal-extension-invalid", where, f"link source {source!r} is not an operationId")
                    continue
                spath, sitem, sop, sfile = operation_ids[source]
                parameters = [self.follow(p, sfile)[0] for p in (sitem.get("parameters") or []) + (sop.get("parameters") or [])]
                if not any((p.get("name"), p.get("in")) == identity for p in parameters):
                    self.report("hal-extension-invalid", where, f"link source {source!r} has no parameter {identity}")
            parameters = [self.follow(p, file)[0] for p in (item.get("parameters") or []) + (operation.get("parameters") or [])]
            if not any((p.get("name"), p.get("in")) == identity for p in parameters):
                self.report("hal-extension-invalid", where, f"the operation has no parameter {identity}")
            self.check_terminal_states(value, where)
        if found == 0:
            self.report("hal-extension-invalid", "paths", "no operation carries x-hal-actions")

    def check_terminal_states(self, value: dict, where: str) -> None:
        """FlowSpec-specific: terminal states must be documented statuses (KnownFlowStatus)."""
        schemas = (self.root.get("components") or {}).get("schemas") or {}
        if "KnownFlowStatus" not in schemas:
            return
        known, _ = self.follow(schemas["KnownFlowStatus"], self.resolver.root_path)
        for state in value.get("terminalStates", []):
            if state not in known.get("enum", []):
                self.report("hal-extension-invalid", where, f"terminal state {state!r} is not a documented status")

    def run(self) -> list[str]:
        self.load_all()
        self.check_style()
        self.check_info()
        self.check_servers()
        tags = self.check_tags()
        self.check_paths(tags)
        self.check_unused_components()
        self.check_schemas()
        self.check_extension()
        return self.findings


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    failed = False
    for spec in argv[1:]:
        try:
            findings = Linter(spec).run()
        except (ValueError, OSError, KeyError) as error:
            print(f"lint: {spec}: {error}")
            failed = True
            continue
        if findings:
            failed = True
            print(f"lint: {spec}: {len(findings)} finding(s)")
            for finding in findings:
                print("  " + finding)
        else:
            print(f"lint: {spec}: clean")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
