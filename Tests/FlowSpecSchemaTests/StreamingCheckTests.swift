@testable import FlowSpecSchema
import Testing

/// The one-pass byte check against the tape path, on hand-made edge cases: it may vouch for a body
/// only when the tape path finds it valid, and `validate(json:)` must answer exactly as the tape
/// path does (verdict and every message).
@Suite("One-pass byte check")
struct StreamingCheckTests {
    static let schema = """
        $defs:
          id: {type: string, format: uuid}
          name: {type: string, minLength: 2, maxLength: 4}
          item:
            type: object
            required: [id]
            properties:
              id: {$ref: "#/$defs/id"}
              count: {type: integer, minimum: 1, maximum: 1000000000000}
              ratio: {type: number}
              tags: {type: array, items: {type: string, pattern: "^[a-z]+$"}, minItems: 1, maxItems: 3}
            additionalProperties: false
        type: object
        required: [name, items, kind]
        properties:
          name: {$ref: "#/$defs/name"}
          kind: {enum: [a, b, "é", null]}
          when: {type: string, format: date-time}
          mail: {type: string, format: email}
          items: {type: array, items: {$ref: "#/$defs/item"}}
          extra: {type: object, additionalProperties: true}
          both: {allOf: [{type: string}, {minLength: 1}]}
          either: {anyOf: [{type: string}, {type: integer}]}
          one: {oneOf: [{type: string}, {type: integer}]}
          exact: {const: "x"}
          nothing: {type: "null"}
          flag: {type: boolean}
        """

    /// The cases: (JSON text, whether the one-pass check is expected to vouch for it).
    static let cases: [(String, Bool?)] = [
        (#"{"name":"ab","kind":"a","items":[]}"#, true),
        (#" {"name" : "abcd" , "kind" : "b" , "items" : [ ] } "#, true),
        (#"{"name":"ab","kind":null,"items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","count":5}]}"#, true),
        (#"{"name":"ab","kind":"é","items":[],"when":"2026-11-29T07:00:00Z","mail":"a@b.example"}"#, true),
        (#"{"name":"ñöü","kind":"a","items":[]}"#, true),
        (#"{"name":"a","kind":"a","items":[]}"#, false),  // too short
        (#"{"name":"abcde","kind":"a","items":[]}"#, false),  // too long
        (#"{"name":"ñöüßx","kind":"a","items":[]}"#, false),
        (#"{"name":"ab","kind":"c","items":[]}"#, false),  // not in the enum
        (#"{"name":"ab","items":[]}"#, false),  // missing kind
        (#"{"name":"ab","kind":"a","items":[{"count":5}]}"#, false),  // missing id
        (#"{"name":"ab","kind":"a","items":[{"id":"nope"}]}"#, false),  // format
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","zz":1}]}"#, false),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","count":0}]}"#, false),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","count":1000000000001}]}"#, false),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","count":1.0}]}"#, nil),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","count":1.5}]}"#, false),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","count":123456789012345678901}]}"#, false),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","ratio":-0}]}"#, nil),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","ratio":1e400}]}"#, nil),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","ratio":01}]}"#, false),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","ratio":1.}]}"#, false),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","tags":["ab","cd"]}]}"#, true),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","tags":[]}]}"#, false),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","tags":["a","b","c","d"]}]}"#, false),
        (#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","tags":["A1"]}]}"#, false),
        (#"{"name":"a\u0062","kind":"a","items":[]}"#, false),  // escapes go to the tape path
        (#"{"n\u0061me":"ab","kind":"a","items":[]}"#, false),
        (#"{"name":"ab","name":"ab","kind":"a","items":[]}"#, false),  // duplicate declared name
        (#"{"name":"ab","kind":"a","items":[],"extra":{"x":1,"x":2}}"#, false),  // duplicate undeclared name
        (#"{"name":"ab","kind":"a","items":[],"extra":{"x":1,"y":[1,{"z":null}],"é":"ü"}}"#, true),
        (#"{"name":"ab","kind":"a","items":[],"both":"x"}"#, true),
        (#"{"name":"ab","kind":"a","items":[],"both":""}"#, false),
        (#"{"name":"ab","kind":"a","items":[],"either":"x"}"#, false),  // anyOf: the tape path decides
        (#"{"name":"ab","kind":"a","items":[],"one":3}"#, false),
        (#"{"name":"ab","kind":"a","items":[],"exact":"x","nothing":null,"flag":false}"#, true),
        (#"{"name":"ab","kind":"a","items":[],"exact":"y"}"#, false),
        (#"{"name":"ab","kind":"a","items":[],"flag":"false"}"#, false),
        (#"{"name":"ab","kind":"a","items":[]"#, false),  // truncated
        (#"{"name":"ab","kind":"a","items":[]} x"#, false),  // trailing bytes
        (#"{"name":"ab","kind":"a","items":[],}"#, false),
        (#"{"name":"ab","kind":"a","items":[1,]}"#, false),
        ("\u{FEFF}{\"name\":\"ab\",\"kind\":\"a\",\"items\":[]}", false),  // byte order mark: the tape path
        ("{\"name\":\"ab\",\"kind\":\"a\",\"items\":[],\"extra\":{\"tab\":\"a\tb\"}}", false),  // raw control character
        (#"[]"#, false),
        (#"nul"#, false),
        (#""#, false),
    ]

    func check(_ validator: SchemaValidator, _ text: [UInt8], options: ValidationOptions) -> (Bool, ValidationResult) {
        let (accepted, tape) = text.withUnsafeBufferPointer {
            (validator.streamingAccepts(json: $0, options: options), validator.validateOnTape(json: $0, options: options, parseOptions: .default))
        }
        let answer = validator.validate(json: text, options: options)
        #expect(answer.isValid == tape.isValid)
        #expect(answer.errors.map(\.description) == tape.errors.map(\.description))
        #expect(validator.isValid(json: text, options: options) == tape.isValid)
        if accepted { #expect(tape.isValid && tape.errors.isEmpty, "accepted \(String(decoding: text, as: UTF8.self))") }
        return (accepted, tape)
    }

    @Test(arguments: cases.indices)
    func agreesWithTheTapePath(_ index: Int) {
        let validator = Fixture.validator(Self.schema)
        let (text, expected) = Self.cases[index]
        let (accepted, tape) = check(validator, Array(text.utf8), options: .init())
        if let expected { #expect(accepted == expected, "\(text): tape path says \(tape.errors)") }
    }

    @Test func invalidUTF8IsLeftToTheParser() {
        let validator = Fixture.validator(Self.schema)
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]] {
            let text = Array(#"{"name":"ab","kind":"a","items":[],"extra":{"s":""#.utf8) + bad + Array(#""}}"#.utf8)
            let (accepted, tape) = check(validator, text, options: .init())
            #expect(!accepted)
            #expect(!tape.isValid)
        }
    }

    @Test func formatsAsAnnotationsAndBudgets() {
        let validator = Fixture.validator(Self.schema)
        let text = Array(#"{"name":"ab","kind":"a","items":[{"id":"nope"}]}"#.utf8)
        #expect(check(validator, text, options: .init(assertFormats: false)).0)
        // Budgets too small for the check to follow are left to the tape path.
        #expect(!check(validator, Array(#"{"name":"ab","kind":"a","items":[]}"#.utf8), options: .init(maxSteps: 3)).0)
        #expect(!check(validator, Array(#"{"name":"ab","kind":"a","items":[]}"#.utf8), options: .init(maxDepth: 3)).0)
    }

    @Test func deepNestingIsLeftToTheTapePath() {
        let validator = Fixture.validator("{}")
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(!check(validator, Array(deep.utf8), options: .init()).0)
        let shallow = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        #expect(check(validator, Array(shallow.utf8), options: .init()).0)
    }

    @Test func readOnlyAndWriteOnlyFollowTheDirection() {
        let validator = Fixture.validator(
            """
            type: object
            required: [id, secret]
            properties:
              id: {type: string, readOnly: true}
              secret: {type: string, writeOnly: true}
            """)
        let request = ValidationOptions(direction: .request, strictAccess: true)
        let response = ValidationOptions(direction: .response, strictAccess: true)
        #expect(check(validator, Array(#"{"secret":"s"}"#.utf8), options: request).0)
        #expect(!check(validator, Array(#"{"id":"i","secret":"s"}"#.utf8), options: request).0)
        #expect(check(validator, Array(#"{"id":"i"}"#.utf8), options: response).0)
        #expect(!check(validator, Array(#"{"id":"i","secret":"s"}"#.utf8), options: response).0)
        #expect(!check(validator, Array(#"{"id":"i"}"#.utf8), options: .init()).0)
    }

    /// Many properties use the hashed name index; names past the table and required names that are
    /// not properties are found among the other members.
    @Test func manyPropertiesAndUndeclaredRequiredNames() {
        let names = (0..<40).map { "p\($0)" }
        let yaml =
            "type: object\nrequired: [p39, q]\nproperties:\n"
            + names.map { "  \($0): {type: integer}" }.joined(separator: "\n")
        let validator = Fixture.validator(yaml)
        let body = "{" + names.map { "\"\($0)\": 1" }.joined(separator: ",") + ", \"q\": true}"
        #expect(check(validator, Array(body.utf8), options: .init()).0)
        let missing = "{" + names.map { "\"\($0)\": 1" }.joined(separator: ",") + "}"
        #expect(!check(validator, Array(missing.utf8), options: .init()).0)
        let wrong = "{\"p3\": \"x\", \"p39\": 1, \"q\": 1}"
        #expect(!check(validator, Array(wrong.utf8), options: .init()).0)
    }

    /// Keys compared in place with the property expected next: exact names, names that are a prefix
    /// of the key or the other way round, escapes, and names that are not plain ASCII (whose keys
    /// take the scan; a key with an escape is always left to the tape path).
    @Test(arguments: [
        (#"{"ab":1,"abc":2,"é":3}"#, true),
        (#"{"ab":1,"abc":2,"é":3,"q\"r":4}"#, false),  // an escaped key: the tape path decides
        (#"{"abc":2,"ab":1}"#, true),
        (#"{"ab":1,"ab":1}"#, false),
        (#"{"a":1}"#, false),
        (#"{"abcd":1}"#, false),
        (#"{"ab":1,"abcd":2}"#, false),
        (#"{"a\u0062":1}"#, false),
        (#"{"ab":1,"\u00e9":3}"#, false),
        (#"{"ab":"x"}"#, false),
        (#"{"ab":1,"abc":2,"é":"3"}"#, false),
        (#"{"ab":1,"abc":2,"q\"r":"4"}"#, false),
        (#"{"ab""#, false),
        (#"{"ab"}"#, false),
    ])
    func keysComparedInPlace(_ text: String, _ expected: Bool) {
        let validator = Fixture.validator(
            #"""
            type: object
            additionalProperties: false
            properties:
              ab: {type: integer}
              abc: {type: integer}
              "é": {type: integer}
              "q\"r": {type: integer}
            """#)
        let (accepted, tape) = check(validator, Array(text.utf8), options: .init())
        #expect(accepted == expected, "\(text): tape path says \(tape.errors)")
    }

    /// The shortcut for whole strings answers as the check does, wherever it answers.
    @Test func planShortcutAgreesWithTheCheck() {
        let schemas = [
            "{type: string, format: uuid}", "{$ref: \"#/$defs/a\", $defs: {a: {type: string, format: date-time}}}",
            "{type: string, minLength: 2, maxLength: 4}", "{allOf: [{type: string}, {format: email}]}",
            "{type: [string, integer], format: hostname}", "{type: integer}", "{}", "{type: string, enum: [ab]}",
            "{anyOf: [{type: string}]}",
        ]
        let texts = [
            "4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36", "4b8e1f27", "2026-11-29T07:00:00Z", "ab", "abcde", "ñö", "a@b.example",
            "", "host.example",
        ]
        var answered = 0
        for schema in schemas {
            let validator = Fixture.validator(schema)
            for options in [ValidationOptions(), ValidationOptions(assertFormats: false)] {
                for text in texts {
                    let bytes = Array(text.utf8)
                    bytes.withUnsafeBufferPointer { buffer in
                        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
                        var check = StreamingCheck(
                            runtime: validator.runtime, buffer: buffer, options: options, parseOptions: .default)
                        let full = check.check(.string(start: 0, count: buffer.count, ascii: ascii), validator.entry)
                        if let quick = StreamingCheck.planAccepts(
                            validator.runtime.streaming, entry: validator.entry, string: buffer, ascii: ascii,
                            options: options)
                        {
                            answered += 1
                            #expect(quick == full, "\(schema) \(text)")
                        }
                        #expect(validator.isValid(string: text, options: options) == validator.isValid(.string(text), options: options))
                    }
                }
            }
        }
        #expect(answered > 60)
    }

    @Test func enumCandidatesOfEveryKind() {
        // An `enum` that is the one keyword left besides `type` is looked up inline; beside another
        // keyword (`minLength` here), through the residual list.
        let schemas = [
            #"{enum: ["", x, é, true, null, 1]}"#,
            #"{type: [string, boolean, "null", integer], minLength: 0, enum: ["", x, é, true, null, 1]}"#,
        ]
        let cases: [(String, Bool)] = [
            (#""""#, true), (#""x""#, true), (#""é""#, true), (#""y""#, false), (#""xx""#, false), ("true", true),
            ("false", false), ("null", true), ("1", true), ("2", false), ("1.0", true),
        ]
        for yaml in schemas {
            let validator = Fixture.validator(yaml)
            var accepted = 0
            for (text, valid) in cases {
                let (streamed, tape) = check(validator, Array(text.utf8), options: .init())
                #expect(tape.isValid == valid, "\(yaml) \(text)")
                if streamed { accepted += 1 }
            }
            // Strings, `true` and `null` are vouched for here; numbers are left to the tape path.
            #expect(accepted == 5, "\(yaml)")
        }
    }

    @Test func lengthBoundsTightestWins() {
        // Several length keywords through `allOf`: the tightest bounds decide, in characters (not
        // bytes) for the non-ASCII strings.
        let validator = Fixture.validator(
            "{type: string, allOf: [{minLength: 2}, {minLength: 3}, {maxLength: 5}, {maxLength: 4}]}")
        for text in ["a", "ab", "abc", "abcd", "abcde", "abcdef", "ñö", "ñöü", "ñöüß", "ñöüßx"] {
            let (streamed, tape) = check(validator, Array("\"\(text)\"".utf8), options: .init())
            let valid = (3...4).contains(text.unicodeScalars.count)
            #expect(tape.isValid == valid, "\(text)")
            #expect(streamed == valid, "\(text)")
        }
    }

    @Test func parameterStringsInPlace() {
        let validator = Fixture.validator("{type: string, format: uuid}")
        #expect(validator.isValid(string: "4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36"))
        #expect(!validator.isValid(string: "4b8e1f27"))
        let pattern = Fixture.validator("{type: string, pattern: \"^[0-9]{6}$\", maxLength: 6}")
        #expect(pattern.isValid(string: "123456"))
        #expect(!pattern.isValid(string: "12345a"))
        #expect(!Fixture.validator("{type: integer}").isValid(string: "12"))
    }
}

/// Decoded parameter values that are not strings take the one-pass check too; it must agree with
/// the tape.
@Suite("One-pass check of scalar values")
struct StreamingScalarTests {
    @Test func scalarsAgreeWithTheTape() {
        let validator = Fixture.validator(
            """
            anyOf:
              - {type: integer, minimum: -5, maximum: 100}
              - {type: boolean}
              - {type: "null"}
            """)
        let plain = Fixture.validator("{type: integer, minimum: -5, maximum: 100, format: int32}")
        let values: [JSONValue] = [
            .null, .bool(true), .number(JSONNumber(5)), .number(JSONNumber(-6)), .number(JSONNumber(101)),
            .number(JSONNumber(text: "1.0")), .number(JSONNumber(text: "-0")), .number(JSONNumber(text: "2.5")),
            .number(JSONNumber(text: "1000000000000000000000")), .number(JSONNumber(text: "1e2")),
        ]
        for schema in [validator, plain] {
            for value in values {
                let tape = schema.isValid(tape: JSONTape(value), options: .init())
                #expect(schema.isValid(value) == tape, "\(value)")
                if let scalar = StreamingCheck.Scalar(value),
                    StreamingCheck.accepts(runtime: schema.runtime, entry: schema.entry, scalar: scalar, options: .init())
                {
                    #expect(tape, "\(value)")
                }
            }
        }
        #expect(plain.isValid(.number(JSONNumber(100))))
        #expect(!plain.isValid(.number(JSONNumber(101))))
        #expect(!plain.isValid(.bool(true)))
    }
}
