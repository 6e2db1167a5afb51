import FlowSpecModel
import FlowSpecYAML
import Foundation
import Testing

/// The Diagnostic type: stable code, severity, message, file, line, column, pointer and hint.
@Suite struct DiagnosticTests {
    @Test func everyFieldOfALoadDiagnostic() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: v}
            paths:
              /pets:
                get:
                  responses:
                    '200': {description: ok, contnet: {}}

            """
        let folder = try TemporaryFolder()
        let path = try folder.write("api.yaml", text)
        let result = SpecLoader().load(path: path)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == .unknownField)
        #expect(diagnostic.code.rawValue == "oas-unknown-field")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "`contnet` is not a field of the Response object")
        let location = try #require(diagnostic.location)
        #expect(location.file == path)
        #expect(location.line == 7)
        #expect(location.column == 34)
        #expect(location.offset == 119)
        #expect(location.endLine == 7)
        #expect(location.endColumn == 41)
        #expect(location.endOffset == 126)
        #expect(Array(text.utf8)[location.offset..<(location.endOffset ?? 0)].elementsEqual("contnet".utf8))
        #expect(diagnostic.pointer == ["paths", "/pets", "get", "responses", "200", "contnet"])
        #expect(diagnostic.pointer?.description == "/paths/~1pets/get/responses/200/contnet")
        #expect(diagnostic.hint == "check the spelling; custom fields must start with `x-`")
        #expect(diagnostic.related.isEmpty)
        #expect(diagnostic.instancePointer == nil)
        #expect(
            diagnostic.description
                == "\(path):7:34: error: `contnet` is not a field of the Response object [oas-unknown-field]")
    }

    @Test func codableRoundTripKeepsEveryField() throws {
        let diagnostic = Diagnostic(
            code: .refUnresolved, severity: .warning, message: "m",
            location: SourceLocation(
                file: "a.yaml", line: 3, column: 4, offset: 20, endLine: 3, endColumn: 9, endOffset: 25),
            pointer: ["paths", "/a~b"], hint: "h", related: [SourceLocation(file: "b.yaml", line: 1, column: 1)])
        let data = try JSONEncoder().encode(diagnostic)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""code":"ref-unresolved""#))
        #expect(json.contains(#""severity":"warn""#))
        #expect(json.contains(#""pointer":"\/paths\/~1a~0b""#) || json.contains(#""pointer":"/paths/~1a~0b""#))
        #expect(try JSONDecoder().decode(Diagnostic.self, from: data) == diagnostic)
    }

    @Test func yamlErrorsConvertWithTheirRelatedPlace() {
        let error = YAMLError(
            .duplicateKey, "dup", at: YAMLMark(line: 4, column: 3, offset: 40),
            related: YAMLMark(line: 2, column: 3, offset: 13), hint: "fix")
        let diagnostic = Diagnostic(yaml: error, file: "spec.yaml")
        #expect(diagnostic.code == "yaml_duplicate_key")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: "spec.yaml", line: 4, column: 3, offset: 40))
        #expect(diagnostic.related == [SourceLocation(file: "spec.yaml", line: 2, column: 3, offset: 13)])
        #expect(diagnostic.hint == "fix")
    }

    @Test func severityOrder() {
        #expect(Severity.error < .warning && Severity.warning < .info && Severity.info < .hint)
        #expect(Severity.warning.reaches(.info))
        #expect(!Severity.info.reaches(.warning))
        #expect(Severity(rawValue: "warn") == .warning)
    }

    @Test func sortingIsByFileThenOffsetThenCode() {
        func at(_ code: DiagnosticCode, _ file: String, _ line: Int, _ offset: Int) -> Diagnostic {
            Diagnostic(
                code: code, severity: .error, message: "",
                location: SourceLocation(file: file, line: line, column: 1, offset: offset))
        }
        let a = at("b", "a", 1, 0)
        let b = at("a", "a", 2, 5)
        let c = at("a", "b", 1, 0)
        let d = at("a", "a", 1, 0)
        #expect([c, b, a, d].sorted() == [d, a, b, c])
    }
}

/// RFC 6901 pointers as references use them: percent-decoded once, then `~1` before `~0`.
@Suite struct JSONPointerTests {
    @Test func parsesAndUnescapes() throws {
        let pointer = try #require(JSONPointer(parsing: "/components/schemas/a~1b~0c"))
        #expect(pointer.tokens == ["components", "schemas", "a/b~c"])
        #expect(pointer.description == "/components/schemas/a~1b~0c")
        #expect(JSONPointer(parsing: "/~01")?.tokens == ["~1"], "~1 is decoded before ~0")
        #expect(JSONPointer(parsing: "")?.isRoot == true)
        #expect(JSONPointer(parsing: "/")?.tokens == [""])
        #expect(JSONPointer(parsing: "a/b") == nil)
        #expect(JSONPointer(parsing: "/a~2b")?.tokens == ["a~2b"], "an unknown escape is kept")
    }

    @Test func fragmentsArePercentDecodedOnce() throws {
        #expect(JSONPointer(fragment: "#/paths/~1pets~1%7Bid%7D")?.tokens == ["paths", "/pets/{id}"])
        #expect(JSONPointer(fragment: "#/a%2541")?.tokens == ["a%41"], "decoded once, not twice")
        #expect(JSONPointer(fragment: "#/caf%C3%A9")?.tokens == ["café"])
        #expect(JSONPointer(fragment: "#/bad%zz") == nil)
        #expect(JSONPointer(fragment: "#name") == nil, "an anchor is not a pointer")
        #expect(JSONPointer(fragment: "#")?.isRoot == true)
    }

    @Test func rendersFragmentsPercentEncoded() {
        let pointer: JSONPointer = ["paths", "/pets/{id}", "get"]
        #expect(pointer.description == "/paths/~1pets~1{id}/get")
        #expect(pointer.fragment == "#/paths/~1pets~1%7Bid%7D/get")
        #expect(JSONPointer(fragment: pointer.fragment) == pointer)
        #expect(pointer.parent == ["paths", "/pets/{id}"])
        #expect(pointer.appending(2).description == "/paths/~1pets~1{id}/get/2")
    }

    @Test func rendersTildesSpacesAndNonASCIIInFragments() {
        let pointer: JSONPointer = ["a~b/c", "café au lait", "100%", ""]
        #expect(pointer.description == "/a~0b~1c/café au lait/100%/")
        #expect(pointer.fragment == "#/a~0b~1c/caf%C3%A9%20au%20lait/100%25/")
        #expect(JSONPointer(fragment: pointer.fragment) == pointer)
        #expect(JSONPointer.root.description == "")
        let long: JSONPointer = ["définitions", "a/very~long", "0", "日本"]
        #expect(long.description == "/définitions/a~1very~0long/0/日本")
        #expect(JSONPointer(parsing: long.description) == long)
        #expect(JSONPointer.escape("~/") == "~0~1")
        #expect(JSONPointer.escape("plain") == "plain")
    }
}
