#!/usr/bin/env python3
"""Cross-check the hand-written HAR captures against the flows spec (independent of FlowSpec).

    python3 scripts/check-captures.py [SPEC]

For every examples/captures/*.har file this script

1. checks that it is JSON with the HAR 1.2 shape (the members HAR 1.2 requires, with their
   types) and that the capture is internally consistent (postData.mimeType equals the
   Content-Type header, sizes match the texts, the Cookie header matches request.cookies,
   entries are in time order, flow bodies have the URL's flow ID and a matching `self` link,
   `expiresAt` is 15 minutes after the request, log.creator says the capture is hand-written);
2. validates every exchange against SPEC (default specs/pingone-flows.yaml): routing by
   server, path template and method; path and cookie parameters against their schemas;
   request media type against the operation's request body (RFC 9110 matching, parameters
   ignored) and the body against that media type's schema; response status against the
   declared responses; response media type and body against the response's schema. JSON
   Schema validation uses jsonschema's Draft 2020-12 validator with format checking;
3. applies the x-hal-actions rules of docs/link-extension.md (action offered by the links of
   the latest successful flow response for the same flow ID);
4. compares the findings with examples/captures/expected-findings.json: the valid captures
   must give none, and each deliberate mistake in mistakes.har must give exactly the
   expected finding, on the expected entry, and nothing else.

Exit status 0 when everything matches, 1 otherwise.
"""

from __future__ import annotations

import datetime as dt
import glob
import itertools
import json
import os
import re
import sys
from urllib.parse import unquote, urlsplit

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from specutil import (  # noqa: E402
    Resolver,
    SchemaValidator,
    escape_pointer_token,
    match_media_type,
    parse_media_type,
    resolve_pointer,
)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAPTURES = os.path.join(REPO, "examples", "captures")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# The parts of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) that a reader needs.
_NAME_VALUE = {
    "type": "object",
    "required": ["name", "value"],
    "properties": {"name": {"type": "string"}, "value": {"type": "string"}, "comment": {"type": "string"}},
}
HAR_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["log"],
    "properties": {
        "log": {
            "type": "object",
            "required": ["version", "creator", "entries"],
            "properties": {
                "version": {"const": "1.2"},
                "creator": {
                    "type": "object",
                    "required": ["name", "version"],
                    "properties": {"name": {"type": "string"}, "version": {"type": "string"}, "comment": {"type": "string"}},
                },
                "pages": {"type": "array"},
                "comment": {"type": "string"},
                "entries": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["startedDateTime", "time", "request", "response", "cache", "timings"],
                        "properties": {
                            "startedDateTime": {"type": "string", "format": "date-time"},
                            "time": {"type": "number", "minimum": 0},
                            "cache": {"type": "object"},
                            "comment": {"type": "string"},
                            "timings": {
                                "type": "object",
                                "required": ["send", "wait", "receive"],
                                "properties": {
                                    k: {"type": "number", "minimum": -1}
                                    for k in ("blocked", "dns", "connect", "send", "wait", "receive", "ssl")
                                },
                            },
                            "request": {
                                "type": "object",
                                "required": [
                                    "method", "url", "httpVersion", "cookies", "headers", "queryString",
                                    "headersSize", "bodySize",
                                ],
                                "properties": {
                                    "method": {"type": "string"},
                                    "url": {"type": "string", "format": "uri"},
                                    "httpVersion": {"type": "string"},
                                    "cookies": {"type": "array", "items": _NAME_VALUE},
                                    "headers": {"type": "array", "items": _NAME_VALUE},
                                    "queryString": {"type": "array", "items": _NAME_VALUE},
                                    "postData": {
                                        "type": "object",
                                        "required": ["mimeType"],
                                        "properties": {
                                            "mimeType": {"type": "string"},
                                            "text": {"type": "string"},
                                            "params": {"type": "array"},
                                        },
                                    },
                                    "headersSize": {"type": "integer"},
                                    "bodySize": {"type": "integer"},
                                },
                            },
                            "response": {
                                "type": "object",
                                "required": [
                                    "status", "statusText", "httpVersion", "cookies", "headers", "content",
                                    "redirectURL", "headersSize", "bodySize",
                                ],
                                "properties": {
                                    "status": {"type": "integer"},
                                    "statusText": {"type": "string"},
                                    "httpVersion": {"type": "string"},
                                    "cookies": {"type": "array", "items": _NAME_VALUE},
                                    "headers": {"type": "array", "items": _NAME_VALUE},
                                    "content": {
                                        "type": "object",
                                        "required": ["size", "mimeType"],
                                        "properties": {
                                            "size": {"type": "integer"},
                                            "mimeType": {"type": "string"},
                                            "text": {"type": "string"},
                                        },
                                    },
                                    "redirectURL": {"type": "string"},
                                    "headersSize": {"type": "integer"},
                                    "bodySize": {"type": "integer"},
                                },
                            },
                        },
                    },
                },
            },
        }
    },
}


def header(headers: list[dict], name: str) -> str | None:
    for item in headers:
        if item["name"].lower() == name.lower():
            return item["value"]
    return None


def is_json_media_type(value: str) -> bool:
    essence, _ = parse_media_type(value)
    return essence == "application/json" or essence.endswith("+json")


def parse_time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def iso_duration_seconds(value: str) -> float:
    match = re.fullmatch(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?", value)
    if not match:
        raise ValueError(f"bad duration {value!r}")
    days, hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    return ((days * 24 + hours) * 60 + minutes) * 60 + seconds


class Finding:
    def __init__(self, code: str, message: str, severity: str = "error"):
        self.code, self.message, self.severity = code, message, severity

    def __repr__(self) -> str:
        return f"{self.severity} {self.code}: {self.message}"


class SpecModel:
    """The parts of the spec the checker needs, with Reference Objects followed."""

    def __init__(self, spec_path: str):
        self.resolver = Resolver(spec_path)
        self.schemas = SchemaValidator(self.resolver)
        root, file = self.resolver.root, self.resolver.root_path
        self.server_prefixes = []
        for server in root.get("servers") or [{"url": "/"}]:
            variables = server.get("variables") or {}
            names = re.findall(r"{([^}]+)}", server["url"])
            choices = [variables[n].get("enum") or [variables[n]["default"]] for n in names]
            for combination in itertools.product(*choices):
                url = server["url"]
                for name, value in zip(names, combination):
                    url = url.replace("{" + name + "}", value)
                self.server_prefixes.append(url.rstrip("/"))
        self.routes = []  # (regex, template, path item, its file, its pointer in that file)
        for template, item in (root.get("paths") or {}).items():
            item, ifile, ipointer = self.location(item, file, f"/paths/{escape_pointer_token(template)}")
            pattern = "^" + re.sub(r"\\{([^}]+)\\}", lambda m: f"(?P<{m.group(1)}>[^/]+)", re.escape(template)) + "$"
            self.routes.append((re.compile(pattern), template, item, ifile, ipointer))

    def follow(self, node, file):
        return self.resolver.follow(node, file)

    def location(self, node, file, pointer):
        """(file, pointer) of the node a possibly-$ref node finally names."""
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            file, fragment = self.resolver.target(node["$ref"], file)
            pointer = unquote(fragment)
            node = resolve_pointer(self.resolver.load(file), pointer)
        return node, file, pointer

    def extensions(self):
        """Yield (template, method, operation, file, extension) for each x-hal-actions."""
        for _, template, item, file, _ in self.routes:
            for method in METHODS:
                if method in item and "x-hal-actions" in item[method]:
                    yield template, method, item, file, item[method]["x-hal-actions"]


class HalState:
    """The per-identity records of docs/link-extension.md for one extension."""

    def __init__(self, template, method, item, file, extension, model: SpecModel):
        self.template, self.method, self.item, self.file, self.ext = template, method, item, file, extension
        self.operation_id = item[method].get("operationId")
        sources = extension.get("linkSources") or [item[m].get("operationId") for m in METHODS if m in item]
        self.sources = set(sources)
        self.records: dict[str, dict] = {}
        self.relations_for: dict[str, set[str]] = {}
        for relation, media_types in extension["actions"].items():
            for media_type in media_types:
                self.relations_for.setdefault(media_type.lower(), set()).add(relation)
        self.unadvertised = {m.lower() for m in extension.get("unadvertised", [])}
        self.unconfirmed = set(extension.get("unconfirmedRelations", []))
        body, _ = model.follow(item[method].get("requestBody") or {}, file)
        self.content = {parse_media_type(k)[0] for k in body.get("content") or {}}
        self.timeout = iso_duration_seconds(extension["inactivityTimeout"]) if "inactivityTimeout" in extension else None

    def identity(self, parameters: dict) -> str | None:
        where, name = self.ext["identifiedBy"]["in"], self.ext["identifiedBy"]["name"]
        return parameters.get(where, {}).get(name if where != "header" else name.lower())

    def check_and_update(self, index, operation_id, parameters, entry, response_json) -> list[Finding]:
        findings: list[Finding] = []
        if operation_id != self.operation_id and operation_id not in self.sources:
            return findings
        value = self.identity(parameters)
        if value is None:
            return findings
        record = self.records.get(value, {"known": False})
        started = parse_time(entry["startedDateTime"])
        if operation_id == self.operation_id:
            content_type = header(entry["request"]["headers"], "Content-Type")
            if content_type is None:
                findings.append(Finding("hal-action-missing-selector", "no Content-Type names the action"))
            else:
                media_type = parse_media_type(content_type)[0]
                relations = self.relations_for.get(media_type)
                if media_type in self.content and relations and media_type not in self.unadvertised and record["known"]:
                    if not relations & record["relations"]:
                        code = "hal-action-after-terminal-state" if record["terminal"] else "hal-action-not-offered"
                        severity = "warning" if relations <= self.unconfirmed else "error"
                        offered = ", ".join(sorted(record["relations"])) or "(none)"
                        findings.append(
                            Finding(
                                code,
                                f"{media_type} needs relation {' or '.join(sorted(relations))}, but the flow "
                                f"response of entry {record['from']} (status {record['state']}) offered "
                                f"{offered}",
                                severity,
                            )
                        )
        status = entry["response"]["status"]
        if self.timeout is not None and record["known"] and 200 <= status < 300:
            if (started - record["last"]).total_seconds() > self.timeout:
                findings.append(Finding("hal-resource-not-expired", "2xx after the inactivity timeout", "warning"))
        if operation_id in self.sources:
            if 200 <= status < 300 and isinstance(response_json, dict):
                try:
                    state = resolve_pointer(response_json, self.ext["statePointer"])
                except KeyError:
                    state = None
                if isinstance(state, str):
                    try:
                        links = resolve_pointer(response_json, self.ext["linksPointer"])
                    except KeyError:
                        links = {}
                    present = set()
                    if isinstance(links, dict):
                        present = {k for k, v in links.items() if isinstance(v, dict) or (isinstance(v, list) and v)}
                    record = {
                        "known": True,
                        "state": state,
                        "relations": present,
                        "terminal": state in self.ext.get("terminalStates", []),
                        "from": index,
                    }
            elif status == self.ext.get("expiredStatus"):
                record = {"known": False}
        if status != 0:
            record["last"] = started
        self.records[value] = record
        return findings


def check_exchange(model: SpecModel, entry: dict) -> tuple[list[Finding], str | None, dict, object]:
    """Validate one HAR entry against the spec. Returns findings, operationId, parameters, body."""
    findings: list[Finding] = []
    request, response = entry["request"], entry["response"]
    url = request["url"]
    prefix = next((p for p in model.server_prefixes if url.startswith(p + "/")), None)
    if prefix is None:
        return [Finding("request-server-unknown", f"{url} matches no server")], None, {}, None
    path = urlsplit(url[len(prefix):]).path
    match = None
    for regex, template, item, file, base in model.routes:
        match = regex.match(path)
        if match:
            break
    if not match:
        return [Finding("request-route-unknown", f"no path template matches {path}")], None, {}, None
    method = request["method"].lower()
    if method not in item:
        return [Finding("request-method-undeclared", f"{request['method']} {template}")], None, {}, None
    operation = item[method]
    operation_id = operation.get("operationId")

    # parameters
    cookies = {c["name"]: c["value"] for c in request["cookies"]}
    raw = {
        "path": {k: unquote(v) for k, v in match.groupdict().items()},
        "query": {q["name"]: q["value"] for q in request["queryString"]},
        "header": {h["name"].lower(): h["value"] for h in request["headers"]},
        "cookie": cookies,
    }
    for index, parameter in enumerate((item.get("parameters") or []) + (operation.get("parameters") or [])):
        parameter, pfile, ppointer = model.location(parameter, file, f"{base}/{method}/parameters/{index}")
        where, name = parameter["in"], parameter["name"]
        value = raw[where].get(name.lower() if where == "header" else name)
        if value is None:
            if parameter.get("required"):
                findings.append(Finding("request-parameter-missing", f"{where} parameter {name}"))
            continue
        if "schema" in parameter:
            errors = model.schemas.errors(pfile, ppointer + "/schema", value)
            if errors:
                findings.append(Finding("request-parameter-schema", f"{where} parameter {name}: " + "; ".join(errors)))

    # request body
    content_type = header(request["headers"], "Content-Type")
    text = (request.get("postData") or {}).get("text") or ""
    if "requestBody" in operation:
        body, bfile, bpointer = model.location(operation["requestBody"], file, f"{base}/{method}/requestBody")
        content = body.get("content") or {}
        if content_type is None:
            if text or body.get("required"):
                findings.append(Finding("request-media-type-missing", "no Content-Type header"))
        else:
            key = match_media_type(content_type, list(content))
            if key is None:
                findings.append(
                    Finding(
                        "request-media-type-unsupported",
                        f"{parse_media_type(content_type)[0]} is not a request media type of {operation_id}",
                    )
                )
            elif text:
                if is_json_media_type(key):
                    try:
                        instance = json.loads(text)
                    except ValueError as error:
                        findings.append(Finding("request-body-not-json", str(error)))
                    else:
                        if "schema" in content[key]:
                            pointer = f"{bpointer}/content/{escape_pointer_token(key)}/schema"
                            errors = model.schemas.errors(bfile, pointer, instance)
                            if errors:
                                findings.append(Finding("request-body-schema", f"{key}: " + "; ".join(errors)))
            elif body.get("required"):
                findings.append(Finding("request-body-missing", "the request body is required"))
    elif text:
        findings.append(Finding("request-body-unexpected", f"{operation_id} takes no request body"))

    # response
    status = str(response["status"])
    responses = operation.get("responses") or {}
    key = status if status in responses else f"{status[0]}XX" if f"{status[0]}XX" in responses else None
    key = key or ("default" if "default" in responses else None)
    response_json = None
    rtext = (response.get("content") or {}).get("text") or ""
    if rtext and is_json_media_type(response["content"].get("mimeType") or "application/octet-stream"):
        try:
            response_json = json.loads(rtext)
        except ValueError:
            response_json = None
    if key is None:
        declared = ", ".join(str(s) for s in responses)
        findings.append(Finding("response-status-undeclared", f"{status} is not a declared response of {operation_id} (declared: {declared})"))
        return findings, operation_id, raw, response_json
    declared_response, rfile, rpointer = model.location(
        responses[key], file, f"{base}/{method}/responses/{escape_pointer_token(key)}"
    )
    rcontent = declared_response.get("content") or {}
    rtype = header(response["headers"], "Content-Type")
    if rtext:
        if not rcontent:
            findings.append(Finding("response-body-unexpected", f"{status} declares no content"))
        elif rtype is None:
            findings.append(Finding("response-media-type-missing", "no Content-Type header"))
        else:
            mkey = match_media_type(rtype, list(rcontent))
            if mkey is None:
                findings.append(Finding("response-media-type-undeclared", f"{parse_media_type(rtype)[0]} for {status}"))
            elif is_json_media_type(mkey):
                if response_json is None:
                    findings.append(Finding("response-body-not-json", f"{status} body is not JSON"))
                elif "schema" in rcontent[mkey]:
                    pointer = f"{rpointer}/content/{escape_pointer_token(mkey)}/schema"
                    errors = model.schemas.errors(rfile, pointer, response_json)
                    if errors:
                        findings.append(Finding("response-body-schema", f"{status} {mkey}: " + "; ".join(errors)))
    elif rcontent:
        findings.append(Finding("response-body-missing", f"{status} declares content but the body is empty"))
    for name, declared_header in (declared_response.get("headers") or {}).items():
        declared_header, _ = model.follow(declared_header, rfile)
        if declared_header.get("required") and header(response["headers"], name) is None:
            findings.append(Finding("response-header-missing", name))
    return findings, operation_id, raw, response_json


def consistency(har: dict, name: str) -> list[str]:
    """Authoring checks on a hand-written capture (not spec findings)."""
    problems = []
    creator = har["log"]["creator"]
    if "not recorded" not in (creator.get("comment", "") + har["log"].get("comment", "")):
        problems.append("log.creator.comment or log.comment must say the capture was not recorded")
    previous = None
    for index, entry in enumerate(har["log"]["entries"]):
        request, response = entry["request"], entry["response"]
        where = f"{name} entry {index}"
        started = parse_time(entry["startedDateTime"])
        if previous and started < previous:
            problems.append(f"{where}: startedDateTime goes back in time")
        previous = started
        post = request.get("postData")
        content_type = header(request["headers"], "Content-Type")
        if post is not None and post["mimeType"] != (content_type or ""):
            problems.append(f"{where}: postData.mimeType {post['mimeType']!r} != Content-Type {content_type!r}")
        text = (post or {}).get("text", "")
        if request["bodySize"] != len(text.encode()):
            problems.append(f"{where}: request.bodySize does not match postData.text")
        cookie_header = header(request["headers"], "Cookie") or ""
        pairs = [p.strip().split("=", 1) for p in cookie_header.split(";") if p.strip()]
        if sorted((n, v) for n, v in pairs) != sorted((c["name"], c["value"]) for c in request["cookies"]):
            problems.append(f"{where}: Cookie header and request.cookies differ")
        content = response["content"]
        rtext = content.get("text", "")
        if content["size"] != len(rtext.encode()) or response["bodySize"] != len(rtext.encode()):
            problems.append(f"{where}: response content.size/bodySize do not match content.text")
        if rtext and header(response["headers"], "Content-Type") != content["mimeType"]:
            problems.append(f"{where}: response Content-Type header != content.mimeType")
        if 200 <= response["status"] < 300 and rtext:
            body = json.loads(rtext)
            flow_id = request["url"].rstrip("/").rsplit("/", 1)[-1]
            if body.get("id") != flow_id:
                problems.append(f"{where}: flow id {body.get('id')!r} != URL flow ID {flow_id!r}")
            if (body.get("_links") or {}).get("self", {}).get("href") != request["url"]:
                problems.append(f"{where}: _links.self.href != request URL")
            if "expiresAt" in body:
                delta = (parse_time(body["expiresAt"]) - started).total_seconds()
                if not 14 * 60 <= delta <= 15 * 60 + 5:
                    problems.append(f"{where}: expiresAt is not 15 minutes after the request ({delta:.0f} s)")
    return problems


def main(argv: list[str]) -> int:
    import jsonschema

    from specutil import format_checker

    spec = argv[1] if len(argv) > 1 else os.path.join(REPO, "specs", "pingone-flows.yaml")
    model = SpecModel(spec)
    with open(os.path.join(CAPTURES, "expected-findings.json"), encoding="utf-8") as handle:
        expected_all = json.load(handle)["captures"]
    har_validator = jsonschema.Draft202012Validator(HAR_SCHEMA, format_checker=format_checker())
    failed = False
    files = sorted(glob.glob(os.path.join(CAPTURES, "*.har")))
    if sorted(os.path.basename(f) for f in files) != sorted(expected_all):
        print(f"captures: expected-findings.json lists {sorted(expected_all)}, folder has {[os.path.basename(f) for f in files]}")
        failed = True
    for path in files:
        name = os.path.basename(path)
        problems: list[str] = []
        try:
            with open(path, encoding="utf-8") as handle:
                har = json.load(handle)
        except ValueError as error:
            print(f"{name}: not JSON: {error}")
            failed = True
            continue
        shape = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in har_validator.iter_errors(har)]
        if shape:
            print(f"{name}: not HAR 1.2:\n  " + "\n  ".join(shape))
            failed = True
            continue
        problems += consistency(har, name)
        states = [HalState(*ext, model) for ext in model.extensions()]
        actual: dict[int, list[Finding]] = {}
        for index, entry in enumerate(har["log"]["entries"]):
            findings, operation_id, parameters, response_json = check_exchange(model, entry)
            for state in states:
                findings += state.check_and_update(index, operation_id, parameters, entry, response_json)
            reported = [f for f in findings if f.severity in ("warning", "error")]
            if reported:
                actual[index] = reported
        expected = {}
        for item in expected_all.get(name, []):
            expected.setdefault(item["entry"], []).append(item)
        for index in sorted(set(actual) | set(expected)):
            got = sorted(f.code for f in actual.get(index, []))
            want = sorted(e["code"] for e in expected.get(index, []))
            if got != want:
                problems.append(f"entry {index}: expected {want or 'no finding'}, got {actual.get(index, 'no finding')}")
                continue
            for finding, item in zip(
                sorted(actual[index], key=lambda f: f.code), sorted(expected[index], key=lambda e: e["code"])
            ):
                if finding.severity != item["severity"]:
                    problems.append(f"entry {index}: {finding.code} is {finding.severity}, expected {item['severity']}")
                for word in item.get("mustMention", []):
                    if word not in finding.message:
                        problems.append(f"entry {index}: {finding.code} message lacks {word!r}: {finding.message}")
        entries = len(har["log"]["entries"])
        if problems:
            failed = True
            print(f"{name}: {len(problems)} problem(s) in {entries} entries")
            for problem in problems:
                print("  " + problem)
        else:
            print(f"{name}: OK ({entries} entries, {sum(map(len, actual.values()))} expected finding(s))")
            for index, findings in sorted(actual.items()):
                for finding in findings:
                    print(f"  entry {index}: {finding!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
