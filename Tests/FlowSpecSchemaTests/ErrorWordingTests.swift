import FlowSpecModel
@testable import FlowSpecSchema
import Testing

/// The one-allocation message writers and the leaner `report` word and record every error exactly
/// as the general code they replaced (kept as the reference: `Evaluator.wordsByReference`,
/// `Messages.show`, string interpolation).
@Suite("Error wording matches the general code")
struct ErrorWordingTests {
    /// Strings around every rule of `Messages.show`: escapes, control characters, non-ASCII, the
    /// 60-byte and 60-character cuts.
    static let strings: [String] = {
        var all = [
            "", "a", "abc", "not-a-uuid", "4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e3", "say \"hi\"", #"back\slash"#,
            "tab\there", "line\nbreak", "cr\rlf", "nul\u{0}byte", "bell\u{7}", "unit\u{1F}sep", "del\u{7F}",
            "space ", " ", "~/tilde/slash", "é", "caf\u{E9}", "cafe\u{301}", "日本語", "emoji 👩‍👩‍👧", "\u{FEFF}bom",
            "`backtick`", "{\"json\": [1, 2]}",
        ]
        for n in [56, 57, 58, 59, 60, 61, 62, 80, 200] {
            all.append(String(repeating: "x", count: n))
            all.append(String(repeating: "é", count: n))
            all.append(String(repeating: "x", count: n - 1) + "\"")
            all.append(String(repeating: "x", count: n - 2) + "\u{1}")
            all.append(String(repeating: "x", count: max(0, n - 3)) + "日")
            all.append(String(repeating: "👍🏽", count: n / 2))
            all.append("\\" + String(repeating: "y", count: n))
        }
        return all
    }()

    /// Number texts: integers (in and out of 64 bits, and the 18/19-digit boundary of the tape's
    /// integers), negatives, decimals, exponents.
    static let numbers: [String] = [
        "0", "-0", "1", "-1", "7", "99", "100", "101", "150", "-150", "123456789012345678", "-123456789012345678",
        "1234567890123456789", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "18446744073709551616", "1.0", "1.5", "-2.25", "0.07", "0.000001", "1e2", "1E+2", "-2.5e-3", "1e400", "100.0",
        "3.14159265358979323846264338327950288419716939937510",
    ]

    static func bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }

    @Test func formatMessageFromBytesMatchesShow() {
        for kind in [FormatKind.uuid, .dateTime, .email, .ipv4] {
            for s in Self.strings {
                let fast = Self.bytes(s) { Messages.format(kind, string: $0) }
                #expect(fast == Messages.format(kind, Messages.show(.string(s))), "\(s.debugDescription)")
            }
        }
        #expect(Self.bytes("abc") { Messages.format(.uuid, string: $0) } == "`\"abc\"` is not a valid uuid")
        let long = String(repeating: "é", count: 70)
        #expect(
            Self.bytes(long) { Messages.format(.email, string: $0) }
                == "`\"" + String(repeating: "é", count: 56) + "...` is not a valid email")
    }

    @Test func formatMessageFromInvalidUTF8MatchesTheTape() {
        for raw: [UInt8] in [[0xFF], [0x61, 0xC3], [0xE6, 0x97], Array(repeating: 0x80, count: 70)] {
            let fast = raw.withUnsafeBufferPointer { Messages.format(.uuid, string: $0) }
            let general = Messages.format(.uuid, Messages.show(.string(String(decoding: raw, as: UTF8.self))))
            #expect(fast == general)
        }
    }

    @Test func joinWritesThePiecesEndToEnd() {
        let pieces = ["", "a", "must be at most ", String(repeating: "z", count: 40), "日本語", "👩‍👩‍👧 ok"]
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    #expect(Messages.join(a, b, c) == a + b + c)
                    #expect(Messages.join(a, b, c, b, a) == a + b + c + b + a)
                    #expect(Self.bytes(b) { Messages.join(a, $0, c, a) } == a + b + c + a)
                }
            }
        }
    }

    @Test func boundMatchesInterpolation() throws {
        for limitText in ["0", "1", "100", "-5", "2.5", "1e3", "18446744073709551616"] {
            let limit = JSONNumber(text: limitText)
            for text in Self.numbers {
                for tape in try Self.tapes(text) {
                    let n = tape.number(JSONTape.root)
                    #expect(
                        Messages.bound("must be at most ", limit, tape, JSONTape.root)
                            == "must be at most \(limit) (it is \(n))")
                    #expect(
                        Messages.bound("must be a multiple of ", limit, tape, JSONTape.root)
                            == "must be a multiple of \(limit) (it is \(n))")
                }
            }
        }
        let tape = JSONTape(.number(JSONNumber(150)))
        #expect(Messages.bound("must be at most ", JSONNumber(100), tape, 0) == "must be at most 100 (it is 150)")
    }

    /// The number as parsed from JSON text, and as built from a value.
    static func tapes(_ text: String) throws -> [JSONTape] {
        var copy = text
        let parsed = try copy.withUTF8 { try JSONParser.tape($0, options: .default) }
        let value = JSONTape(.number(JSONNumber(text: text)))
        return [parsed, value]
    }

    @Test func lengthMatchesInterpolation() {
        for limit in [0, 1, 2, 8, 64, 1000, Int.max] {
            for length in [0, 1, 3, 70, 12345] {
                #expect(
                    Messages.length("must be at least ", limit, length)
                        == "must be at least \(Messages.characters(limit)) long (it is \(length))")
                #expect(
                    Messages.length("must be at most ", limit, length)
                        == "must be at most \(Messages.characters(limit)) long (it is \(length))")
            }
        }
    }

    // MARK: - Whole validations

    static let schema = """
        type: object
        properties:
          id: {type: string, format: uuid}
          when: {type: string, format: date-time}
          limit: {type: integer, minimum: 1, maximum: 100}
          ratio: {type: number, exclusiveMinimum: 0, exclusiveMaximum: 1.5}
          step: {type: number, multipleOf: 0.25}
          name: {type: string, minLength: 2, maxLength: 5}
          one: {type: string, minLength: 1, maxLength: 1}
          code: {type: string, pattern: "^[A-Z]{3}$"}
          kind: {enum: [a, b, "c\\"d"]}
          flag: {type: [boolean, "null"]}
          list:
            type: array
            items: {type: integer, maximum: 9}
          "a/b~c":
            type: object
            required: [inner]
            properties:
              inner: {type: string, format: uuid}
            additionalProperties: false
        required: [id]
        additionalProperties: {type: string, maxLength: 3}
        """

    /// Subschemas of ``schema`` validated on their own, as parameters are.
    static let leaves = [
        "/properties/id", "/properties/limit", "/properties/ratio", "/properties/step", "/properties/name",
        "/properties/code", "/properties/flag",
    ]

    /// Scalars and bodies that fail every keyword above, in every way the writers word.
    static var instances: [JSONValue] {
        var all: [JSONValue] = []
        var strings = Self.strings.map { JSONValue.string($0) }
        strings.append(.string("4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36"))
        let numbers = Self.numbers.map { JSONValue.number(JSONNumber(text: $0)) }
        let scalars: [JSONValue] = strings + numbers + [.null, .bool(true), .bool(false)]
        for value in scalars {
            all.append(.object(JSONObject(keys: ["id"], values: [value])))
        }
        for key in ["when", "limit", "ratio", "step", "name", "one", "code", "kind", "flag", "extra", "x/y~z"] {
            for value in scalars {
                all.append(.object(JSONObject(keys: ["id", key], values: [.string("nope"), value])))
            }
        }
        all.append(.object(JSONObject(keys: [], values: [])))
        all.append(.object(JSONObject(keys: ["id", "list"], values: [.number(JSONNumber(0)), .array(numbers)])))
        all.append(
            .object(
                JSONObject(
                    keys: ["a/b~c"],
                    values: [.object(JSONObject(keys: ["inner", "é~/"], values: [.string("x\"y"), .number(JSONNumber(1))]))]
                )))
        all.append(.object(JSONObject(keys: ["a/b~c"], values: [.array([])])))
        all += scalars
        return all
    }

    /// The errors the reference wording records for `value` (the collecting pass).
    static func reference(_ validator: SchemaValidator, _ value: JSONValue, _ options: ValidationOptions)
        -> [SchemaValidationError]
    {
        reference(validator, JSONTape(value), options)
    }

    /// The errors the reference wording records for the value on `tape` (a parsed tape keeps each
    /// number's text, `1e2` and `-0`, where a value's tape keeps integers as integers).
    static func reference(_ validator: SchemaValidator, _ tape: JSONTape, _ options: ValidationOptions)
        -> [SchemaValidationError]
    {
        var evaluator = Evaluator(runtime: validator.runtime, tape: tape, options: options, collect: true)
        evaluator.wordsByReference = true
        var none = Annotations.inactive
        _ = evaluator.evaluate(validator.entry, JSONTape.root, &none)
        return evaluator.errors
    }

    @Test(arguments: [ValidationOptions(), ValidationOptions(maxErrors: 1), ValidationOptions(maxErrors: 3)])
    func bodiesReportWhatTheReferenceReports(_ options: ValidationOptions) throws {
        let validator = Fixture.validator(Self.schema)
        var codes: Set<String> = []
        for value in Self.instances {
            let expected = Self.reference(validator, value, options)
            let result = validator.validate(value, options: options)
            #expect(result.errors == expected, "\(value)")
            var text = Messages.render(value)
            let parsedExpected = try text.withUTF8 { Self.reference(validator, try JSONParser.tape($0, options: .default), options) }
            let parsed = validator.validate(json: text, options: options)
            #expect(parsed.errors == parsedExpected, "\(text)")
            for error in expected { codes.insert(error.code.rawValue) }
        }
        // The comparison covered every keyword whose wording changed, and the others reported (with
        // one error per body, the `id` every body gets wrong comes first).
        guard options.maxErrors > 1 else { return #expect(codes.contains("schema.format")) }
        let touched: Set = [
            "schema.format", "schema.type", "schema.minimum", "schema.maximum", "schema.multipleOf", "schema.minLength",
            "schema.maxLength", "schema.pattern", "schema.enum", "schema.required", "schema.additionalProperties",
        ]
        #expect(codes.isSuperset(of: touched), "\(touched.subtracting(codes))")
    }

    @Test func scalarsReportWhatTheReferenceReports() throws {
        for name in Self.leaves {
            let validator = Fixture.validator(Self.schema, pointer: "#" + name)
            var failures = 0
            for value in Self.instances where !value.isCollection {
                let expected = Self.reference(validator, value, .init())
                let result = validator.validate(value)
                #expect(result.errors == expected, "\(name): \(value)")
                #expect(result.isValid == expected.isEmpty)
                failures += expected.isEmpty ? 0 : 1
            }
            #expect(failures > 0, "\(name)")
        }
    }

    @Test func wordingOfCommonErrors() throws {
        let validator = Fixture.validator(Self.schema)
        let body = Fixture.json(
            #"{"id": "abc", "limit": 150, "ratio": 1.5, "name": "x", "code": "ab", "a/b~c": {"x": 1}}"#)
        let errors = validator.validate(body).errors
        #expect(
            errors.map(\.description) == [
                #"/id: `"abc"` is not a valid uuid"#,
                "/limit: must be at most 100 (it is 150)",
                "/ratio: must be less than 1.5 (it is 1.5)",
                "/name: must be at least 2 characters long (it is 1)",
                "/code: must match the pattern `^[A-Z]{3}$`",
                "/a~1b~0c: `inner` is required",
                "/a~1b~0c/x: `x` is not allowed here",
            ])
        let limit = try #require(errors.dropFirst().first)
        #expect(limit.keyword == "maximum")
        #expect(limit.keywordPointer == JSONPointer(["properties", "limit", "maximum"]))
        #expect(limit.location?.line == 5)
    }
}

extension JSONValue {
    fileprivate var isCollection: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }
}
