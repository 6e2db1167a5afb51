import FlowSpecYAML
import Testing

/// The strict JSON path gives the same tree as YAML for the same data, with the same conventions for
/// places, and refuses what RFC 8259 refuses.
@Suite struct JSONReaderTests {
    static let json = """
        {
          "openapi": "3.1.0",
          "info": {"title": "é", "version": "1.10"},
          "paths": {"/pets": {"get": {"responses": {"200": {"description": "ok"}}}}},
          "n": [1, -2, 3.5, 1e3, true, false, null, "x"],
          "empty": {}, "list": []
        }

        """

    static let yaml = """
        openapi: 3.1.0
        info:
          title: é
          version: "1.10"
        paths:
          /pets:
            get:
              responses:
                '200':
                  description: ok
        n: [1, -2, 3.5, 1e3, true, false, null, x]
        empty: {}
        list: []

        """

    @Test func jsonAndYAMLGiveTheSameData() throws {
        let fromJSON = try parse(Self.json, format: .json)
        let fromYAML = try parse(Self.yaml, format: .yaml)
        #expect(fromJSON.plain() == fromYAML.plain())
        let kinds = { (tree: YAMLTree) in
            try tree.items(tree.node(["n"])).map { tree.scalarType($0) }
        }
        #expect(try kinds(fromJSON) == [.int, .int, .float, .float, .bool, .bool, .null, .string])
        #expect(try kinds(fromJSON) == kinds(fromYAML))
        #expect(fromJSON.style(try fromJSON.node(["openapi"])) == .json)
    }

    @Test func autoDetectsJSON() throws {
        let tree = try parse(Self.json, format: .auto)
        #expect(tree.style(try tree.node(["openapi"])) == .json)
        let yamlTree = try parse(Self.yaml, format: .auto)
        #expect(yamlTree.style(try yamlTree.node(["openapi"])) == .plain)
    }

    @Test func memberLocations() throws {
        let tree = try parse(Self.json, format: .json)
        #expect(tree.start(tree.root) == YAMLMark(line: 1, column: 1, offset: 0))
        let info = try tree.node(["info"])
        let versionKey = try #require(tree.keyNode("version", in: info))
        // Line 3 starts at byte 24; `é` is two bytes, one column.
        #expect(tree.start(versionKey) == YAMLMark(line: 3, column: 26, offset: 50))
        #expect(tree.end(versionKey) == YAMLMark(line: 3, column: 35, offset: 59))
        let version = try tree.node(["info", "version"])
        #expect(tree.scalar(version) == "1.10")
        #expect(tree.start(version) == YAMLMark(line: 3, column: 37, offset: 61))
        #expect(tree.start(info) == YAMLMark(line: 3, column: 11, offset: 34))
        #expect(tree.end(info) == YAMLMark(line: 3, column: 44, offset: 68))
        let description = try tree.node(["paths", "/pets", "get", "responses", "200", "description"])
        #expect(tree.start(description) == YAMLMark(line: 4, column: 68, offset: 137))
        let x = try tree.node(["n", 7])
        #expect(tree.start(x) == YAMLMark(line: 5, column: 45, offset: 192))
    }

    @Test func surrogatePairsDecode() throws {
        let tree = try parse(#"{"a": "\ud83d\ude00", "b": "\u00e9\u0041\n\t\"\\\/"}"#, format: .json)
        #expect(tree.scalar(try tree.node(["a"])) == "😀")
        #expect(tree.scalar(try tree.node(["b"])) == "éA\n\t\"\\/")
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        let tree = try parse(#"{"high": "\ud800", "low": "x\udc00y", "broken": "\ud800\u0041"}"#, format: .json)
        #expect(tree.scalar(try tree.node(["high"])) == "\u{FFFD}")
        #expect(tree.scalar(try tree.node(["low"])) == "x\u{FFFD}y")
        #expect(tree.scalar(try tree.node(["broken"])) == "\u{FFFD}A")
    }

    static let strictErrors: [(text: String, line: Int, column: Int, message: String)] = [
        ("{\"a\": 1,}", 1, 9, "expected a member name"),
        ("[1, 2,]", 1, 7, "expected a JSON value"),
        ("{\"a\": 01}", 1, 8, "leading zeros"),
        ("{\"a\": -01}", 1, 9, "leading zeros"),
        ("{\"a\": 1.}", 1, 9, "after `.`"),
        ("{\"a\": 1e}", 1, 9, "exponent"),
        ("{\"a\": .5}", 1, 7, "expected a JSON value"),
        ("{\"a\": +1}", 1, 7, "expected a JSON value"),
        ("{\"a\": \"x\ty\"}", 1, 9, "control character U+0009"),
        ("{\n  \"a\": \"x\ny\"}", 2, 10, "control character U+000A"),
        ("{\"a\": \"\\x\"}", 1, 8, "invalid escape"),
        ("{\"a\": \"\\u12\"}", 1, 12, "four hex digits"),
        ("{'a': 1}", 1, 2, "expected a member name"),
        ("{\"a\" 1}", 1, 6, "expected `:`"),
        ("{\"a\": tru}", 1, 7, "expected `true`"),
        ("{\"a\": 1} x", 1, 10, "unexpected text after the JSON value"),
        ("{\"a\": [1, 2}", 1, 12, "expected `,` or `]`"),
        ("{\"a\": \"open", 1, 12, "unterminated string"),
        ("{\"a\": NaN}", 1, 7, "expected a JSON value"),
        ("{\n  \"a\": 1,\n  // comment\n}", 3, 3, "expected a member name"),
    ]

    @Test(arguments: strictErrors) func strictJSONErrors(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(parseError(text, format: .json))
        expectError(error, .syntax, line: line, column: column)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func invalidUTF8InAString() throws {
        let bytes: [UInt8] = Array("{\n \"a\": \"é".utf8) + [0xC0, 0x80] + Array("\"}".utf8)
        let error = try #require(parseError(bytes, format: .json))
        expectError(error, .invalidUTF8, line: 2, column: 9, offset: 11)
        #expect(error.message.contains("byte offset 11"))
    }

    @Test func encodedSurrogateBytesAreInvalidUTF8() throws {
        let bytes: [UInt8] = Array("{\"a\": \"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8)
        expectError(parseError(bytes, format: .json), .invalidUTF8, line: 1, column: 8, offset: 7)
    }

    @Test func duplicateMembersAreProblems() throws {
        let tree = try parse("{\n  \"a\": 1,\n  \"a\": 2\n}", format: .json)
        #expect(tree.problems.count == 1)
        expectError(tree.problems.first, .duplicateKey, line: 3, column: 3, offset: 14)
        #expect(tree.problems.first?.relatedMark == YAMLMark(line: 2, column: 3, offset: 4))
    }

    @Test func rootRules() throws {
        expectError(parseError("[1]", format: .json), .rootNotMapping, line: 1, column: 1)
        expectError(parseError("  \n ", format: .json), .emptyDocument, line: 2, column: 2)
        let tree = try parse("\"text\"", format: .json, options: YAMLParseOptions(requireMappingRoot: false))
        #expect(tree.scalar(tree.root) == "text")
    }

    @Test func bigNumbersKeepTheirText() throws {
        let tree = try parse(#"{"big": 123456789012345678901234567890, "tiny": 1E-400}"#, format: .json)
        #expect(tree.scalar(try tree.node(["big"])) == "123456789012345678901234567890")
        #expect(tree.scalarType(try tree.node(["big"])) == .int)
        #expect(tree.scalar(try tree.node(["tiny"])) == "1E-400")
        #expect(tree.scalarType(try tree.node(["tiny"])) == .float)
    }

    @Test func jsonThatYAMLWouldRejectParsesInAutoMode() throws {
        // A YAML 1.1 parser refuses surrogate-pair escapes; the JSON path takes them.
        let tree = try parse(#"{"emoji": "\ud83d\udc4d"}"#, format: .auto)
        #expect(tree.scalar(try tree.node(["emoji"])) == "👍")
    }
}
