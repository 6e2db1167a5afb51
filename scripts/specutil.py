"""Shared helpers for the FlowSpec spec scripts (standard library + PyYAML + jsonschema).

Used by check-multifile-equivalence.py, split-flows-spec.py, validate-spec-examples.py,
lint-spec.py and check-captures.py. Nothing here touches the network.

- ``load_yaml``: PyYAML safe loading that refuses duplicate keys and values JSON cannot hold
  (timestamps, non-string keys such as an unquoted ``200:``), so a YAML quirk cannot slip
  into the comparison or the validation.
- ``Resolver``: resolves ``$ref`` values that are local JSON pointers (``#/a/b``) or relative
  file references with an optional pointer fragment (``../schemas/Flow.yaml#/properties``).
  Remote references are refused. ``dereference`` inlines every reference (cycles are errors).
- ``format_checker``: a Draft 2020-12 format checker that always checks ``uuid``,
  ``date-time``, ``email``, ``uri`` and ``uri-reference`` (the last three with small
  built-in checks, so no optional jsonschema extra is needed).
- ``parse_media_type`` / ``match_media_type``: RFC 9110 media-type handling for routing
  request and response bodies (case-insensitive type/subtype, parameters ignored).
"""

from __future__ import annotations

import copy
import datetime as _dt
import os
import re
from typing import Any
from urllib.parse import unquote

import yaml

# ---------------------------------------------------------------------------------------------
# YAML loading


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate mapping keys."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping: dict = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in mapping:
            mark = key_node.start_mark
            raise ValueError(f"duplicate key {key!r} at line {mark.line + 1}, column {mark.column + 1}")
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class JSONIncompatible(ValueError):
    pass


def _check_json_compatible(value: Any, where: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise JSONIncompatible(f"{where}: key {key!r} is a {type(key).__name__}, not a string (quote it)")
            _check_json_compatible(item, f"{where}/{escape_pointer_token(key)}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_json_compatible(item, f"{where}/{index}")
    elif isinstance(value, (_dt.date, _dt.datetime, bytes, set)):
        raise JSONIncompatible(f"{where}: YAML resolved a {type(value).__name__} ({value!r}); quote it")
    elif value is not None and not isinstance(value, (str, int, float, bool)):
        raise JSONIncompatible(f"{where}: unsupported value type {type(value).__name__}")


def load_yaml(path: str) -> Any:
    """Load one YAML (or JSON) file strictly; raise ValueError on anything JSON cannot hold."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        raise ValueError(f"{path}: tab character at line {line}")
    data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - _StrictLoader is a SafeLoader
    _check_json_compatible(data, f"{path}#")
    return data


# ---------------------------------------------------------------------------------------------
# JSON pointers and references


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer_tokens(pointer: str) -> list[str]:
    """Split a JSON pointer (RFC 6901, possibly percent-encoded as a URI fragment)."""
    pointer = unquote(pointer)
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"invalid JSON pointer {pointer!r}")
    return [unescape_pointer_token(token) for token in pointer[1:].split("/")]


def resolve_pointer(document: Any, pointer: str) -> Any:
    node = document
    for token in pointer_tokens(pointer):
        if isinstance(node, dict):
            if token not in node:
                raise KeyError(f"pointer {pointer!r}: no member {token!r}")
            node = node[token]
        elif isinstance(node, list):
            if not re.fullmatch(r"0|[1-9][0-9]*", token) or int(token) >= len(node):
                raise KeyError(f"pointer {pointer!r}: bad array index {token!r}")
            node = node[int(token)]
        else:
            raise KeyError(f"pointer {pointer!r}: cannot descend into a scalar at {token!r}")
    return node


class RefError(ValueError):
    pass


class Resolver:
    """Resolves local and relative-file ``$ref`` values, with a cache of loaded files."""

    def __init__(self, root_path: str, allow_files: bool = True):
        self.root_path = os.path.abspath(root_path)
        self.root_dir = os.path.dirname(self.root_path)
        self.allow_files = allow_files
        self.files: dict[str, Any] = {}
        self.root = self.load(self.root_path)

    def load(self, path: str) -> Any:
        path = os.path.abspath(path)
        if path not in self.files:
            self.files[path] = load_yaml(path)
        return self.files[path]

    def target(self, ref: str, base_file: str) -> tuple[str, str]:
        """Return (absolute file, pointer) that ``ref`` names, seen from ``base_file``."""
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", ref) or ref.startswith("//"):
            raise RefError(f"remote reference refused: {ref!r}")
        file_part, _, fragment = ref.partition("#")
        if file_part:
            if not self.allow_files:
                raise RefError(f"file reference not allowed here: {ref!r}")
            path = os.path.normpath(os.path.join(os.path.dirname(base_file), unquote(file_part)))
            if os.path.commonpath([path, self.root_dir]) != self.root_dir:
                raise RefError(f"reference leaves the spec's folder: {ref!r}")
        else:
            path = base_file
        return path, fragment

    def lookup(self, ref: str, base_file: str) -> tuple[Any, str]:
        path, fragment = self.target(ref, base_file)
        try:
            document = self.load(path)
        except FileNotFoundError as error:
            raise RefError(f"{base_file}: $ref {ref!r}: file not found") from error
        try:
            return resolve_pointer(document, fragment), path
        except KeyError as error:
            raise RefError(f"{base_file}: $ref {ref!r}: {error}") from error

    def dereference(self, node: Any = None, base_file: str | None = None, _chain: tuple = ()) -> Any:
        """Return a deep copy of ``node`` with every ``$ref`` inlined."""
        if node is None and base_file is None:
            node, base_file = self.root, self.root_path
        assert base_file is not None
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                if len(node) != 1:
                    extra = sorted(k for k in node if k != "$ref")
                    raise RefError(f"{base_file}: $ref {node['$ref']!r} has siblings {extra} (not supported here)")
                path, fragment = self.target(node["$ref"], base_file)
                key = (path, unquote(fragment))
                if key in _chain:
                    raise RefError("reference cycle: " + " -> ".join(f"{p}#{f}" for p, f in _chain + (key,)))
                target, target_file = self.lookup(node["$ref"], base_file)
                return self.dereference(target, target_file, _chain + (key,))
            return {k: self.dereference(v, base_file, _chain) for k, v in node.items()}
        if isinstance(node, list):
            return [self.dereference(v, base_file, _chain) for v in node]
        return copy.deepcopy(node)

    def follow(self, node: Any, base_file: str) -> tuple[Any, str]:
        """Follow a chain of Reference Objects to the first non-reference node."""
        seen = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            key = self.target(node["$ref"], base_file)
            if key in seen:
                raise RefError(f"reference cycle at {node['$ref']!r}")
            seen.add(key)
            node, base_file = self.lookup(node["$ref"], base_file)
        return node, base_file


def file_uri(path: str) -> str:
    return "file://" + os.path.abspath(path)


# ---------------------------------------------------------------------------------------------
# JSON Schema validation


def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*", value)) and _valid_percent(value)


def _is_uri_reference(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return bool(re.fullmatch(r"[^\s<>\"{}|\\^`]*", value)) and _valid_percent(value)


def _valid_percent(value: str) -> bool:
    return all(re.fullmatch(r"%[0-9A-Fa-f]{2}", value[i : i + 3]) for i, c in enumerate(value) if c == "%")


_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))"
)


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    match = _DATE_TIME.fullmatch(value)
    if not match:
        return False
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    if match.group(9) is not None and (int(match.group(9)) > 23 or int(match.group(10)) > 59):
        return False
    return hour <= 23 and minute <= 59 and second <= 60


def format_checker():
    import jsonschema

    checker = copy.deepcopy(jsonschema.Draft202012Validator.FORMAT_CHECKER)
    checker.checks("date-time")(_is_date_time)
    checker.checks("uri")(_is_uri)
    checker.checks("uri-reference")(_is_uri_reference)
    for required in ("uuid", "date-time", "email", "uri", "uri-reference"):
        if required not in checker.checkers:
            raise RuntimeError(f"format checker lacks {required!r}")
    return checker


class SchemaValidator:
    """Validates instances against schemas found anywhere in a (multi-file) OpenAPI 3.1 document.

    Every file reachable from the root is registered as a Draft 2020-12 resource under its
    ``file://`` URI, so ``$ref`` values inside schemas resolve exactly as a JSON Schema
    implementation resolves them (relative to the containing file).
    """

    def __init__(self, resolver: Resolver):
        import jsonschema  # noqa: F401  (import check)
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        self.resolver = resolver
        self._crawl(resolver.root, resolver.root_path)
        self.registry = Registry().with_resources(
            (file_uri(path), Resource.from_contents(doc, default_specification=DRAFT202012))
            for path, doc in resolver.files.items()
        )
        self.checker = format_checker()

    def _crawl(self, node: Any, base_file: str) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                path, _ = self.resolver.target(ref, base_file)
                if path not in self.resolver.files:
                    self.resolver.load(path)
                    self._crawl(self.resolver.files[path], path)
            for value in node.values():
                self._crawl(value, base_file)
        elif isinstance(node, list):
            for value in node:
                self._crawl(value, base_file)

    def errors(self, schema_file: str, schema_pointer: str, instance: Any) -> list[str]:
        """Validate ``instance`` against the schema at ``schema_file#schema_pointer``."""
        import jsonschema

        wrapper = {"$ref": file_uri(schema_file) + "#" + schema_pointer}
        validator = jsonschema.Draft202012Validator(wrapper, registry=self.registry, format_checker=self.checker)
        found = []
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
            where = "/" + "/".join(escape_pointer_token(str(p)) for p in error.absolute_path)
            found.append(f"at {where if where != '/' else '(root)'}: {error.message}")
        return found


# ---------------------------------------------------------------------------------------------
# Media types


def parse_media_type(value: str) -> tuple[str, dict[str, str]]:
    """Return ('type/subtype' lowercased, parameters) for a Content-Type value."""
    parts = value.split(";")
    essence = parts[0].strip().lower()
    parameters = {}
    for part in parts[1:]:
        name, _, val = part.strip().partition("=")
        if name:
            parameters[name.strip().lower()] = val.strip().strip('"')
    return essence, parameters


def match_media_type(value: str, declared: list[str]) -> str | None:
    """Pick the declared media-type key that ``value`` matches (exact essence, then ranges)."""
    essence, _ = parse_media_type(value)
    for key in declared:
        if parse_media_type(key)[0] == essence:
            return key
    main = essence.split("/")[0]
    for key in declared:
        if parse_media_type(key)[0] == f"{main}/*":
            return key
    for key in declared:
        if parse_media_type(key)[0] == "*/*":
            return key
    return None
