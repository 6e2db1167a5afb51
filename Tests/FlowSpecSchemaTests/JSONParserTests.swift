import Testing

@testable import FlowSpecSchema

@Suite("JSON parser")
struct JSONParserTests {
    func parse(_ text: String, _ options: JSONParser.Options = .default) throws(JSONParseError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8), options: options)
    }

    func failure(_ bytes: [UInt8], _ options: JSONParser.Options = .default) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(bytes, options: options)
            return nil
        } catch {
            return error
        }
    }

    func failure(_ text: String) -> JSONParseError? { failure(Array(text.utf8)) }

    @Test func parsesEveryKind() throws {
        let value = try parse(#" {"a": [1, -2.5e3, true, false, null, "x\u00e9\ud83d\ude00\n"], "b": {}} "#)
        let expected: JSONValue = [
            "a": [1, .number(JSONNumber(text: "-2.5e3")), true, false, nil, "xé😀\n"], "b": .object(JSONObject()),
        ]
        #expect(value == expected)
        #expect(value["a"]?.arrayValue?[1].numberValue?.text == "-2.5e3")
    }

    @Test func keepsNumbersAsWritten() throws {
        let value = try parse("[18446744073709551616, 9007199254740993, 1e400, 0.07, -0]")
        let texts = value.arrayValue?.compactMap { $0.numberValue?.text }
        #expect(texts == ["18446744073709551616", "9007199254740993", "1e400", "0.07", "-0"])
    }

    @Test func keepsMemberOrder() throws {
        let value = try parse(#"{"z": 1, "a": 2, "m": 3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func reportsDuplicateKeys() {
        let error = failure(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(error?.code == .duplicateKey)
        #expect(error?.offset == 17)
        #expect(error?.message == "the member name `a` appears twice in one object")
        var many = "{"
        for k in 0..<40 { many += "\"k\(k)\": \(k), " }
        many += "\"k7\": 0}"
        #expect(failure(many)?.code == .duplicateKey)
        #expect(failure(#"{"a": {"b": 1}, "c": {"b": 2}}"#) == nil)
    }

    @Test func duplicateKeysCanBeAllowed() throws {
        let value = try parse(#"{"a": 1, "a": 2}"#, JSONParser.Options(allowDuplicateKeys: true))
        #expect(value == ["a": 1])
    }

    @Test(arguments: [
        ("", JSONParseError.Code.unexpectedEnd, 0),
        ("[1,]", .syntax, 3),
        ("{\"a\" 1}", .syntax, 5),
        ("[01]", .invalidNumber, 1),
        ("[1.]", .invalidNumber, 1),
        ("[.5]", .syntax, 1),
        ("[+1]", .syntax, 1),
        ("[NaN]", .syntax, 1),
        ("\"abc", .unexpectedEnd, 0),
        ("\"a\\x\"", .invalidEscape, 2),
        ("\"\\ud800\"", .invalidEscape, 1),
        ("\"\\udc00x\"", .invalidEscape, 1),
        ("[1] 2", .syntax, 4),
        ("\"a\u{1}\"", .syntax, 2),
        ("tru", .syntax, 0),
        ("{\"a\":1", .unexpectedEnd, 6),
    ])
    func reportsInvalidJSON(text: String, code: JSONParseError.Code, offset: Int) {
        let error = failure(text)
        #expect(error?.code == code)
        #expect(error?.offset == offset)
    }

    @Test func reportsInvalidUTF8WithOffset() {
        let error = failure([0x22, 0x61, 0xC3, 0x28, 0x22])
        #expect(error?.code == .invalidUTF8)
        #expect(error?.offset == 3)
        #expect(failure([0x22, 0xED, 0xA0, 0x80, 0x22])?.code == .invalidUTF8)  // encoded surrogate
        #expect(failure([0x22, 0xC0, 0xAF, 0x22])?.code == .invalidUTF8)  // overlong
        #expect(failure([0x22, 0xF0, 0x9F, 0x98])?.code == .invalidUTF8)  // truncated
        #expect(failure([0x22, 0xFF, 0x22])?.offset == 1)
    }

    @Test func reportsLineAndColumn() {
        let error = failure("{\n  \"a\": [1,\n    ]\n}")
        #expect(error?.line == 3)
        #expect(error?.column == 5)
    }

    @Test func enforcesTheNestingBudget() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = failure(deep)
        #expect(error?.code == .depthExceeded)
        let options = JSONParser.Options(maxDepth: 3)
        #expect(failure(Array("[[[1]]]".utf8), options) == nil)
        #expect(failure(Array("[[[[1]]]]".utf8), options)?.code == .depthExceeded)
    }

    @Test func acceptsLongStringsAndEscapes() throws {
        let long = String(repeating: "abcdefgh", count: 100)
        #expect(try parse("\"\(long)\"") == .string(long))
        #expect(try parse(#""0123456789\"x\/\\""#) == .string("0123456789\"x/\\"))
        #expect(try parse("\"ünïcödé and a long tail of ascii\"") == .string("ünïcödé and a long tail of ascii"))
    }

    @Test func neverCrashesOnRandomInput() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{}[]\":,0123456789.eE+-tfnulrsa\\ \u{0}".utf8) + [0xC3, 0xFF, 0x80]
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<24, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            _ = failure(bytes)
        }
    }
}
