import FlowSpecYAML
import Testing

/// YAML 1.2 core schema: only booleans, null, integers and floats are typed; YAML 1.1's extra
/// forms stay strings exactly as written.
@Suite struct CoreSchemaTests {
    static let typed: [(String, YAMLScalarType)] = [
        ("true", .bool), ("True", .bool), ("TRUE", .bool),
        ("false", .bool), ("False", .bool), ("FALSE", .bool),
        ("null", .null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
        ("0", .int), ("42", .int), ("-7", .int), ("+7", .int), ("0o17", .int), ("0x1F", .int), ("0xff", .int),
        ("1.5", .float), ("-0.5", .float), (".5", .float), ("1.", .float), ("1e3", .float), ("6.02E+23", .float),
        ("1.10", .float), (".inf", .float), ("-.Inf", .float), ("+.INF", .float), (".nan", .float), (".NaN", .float),
    ]

    /// YAML 1.1 booleans, sexagesimals, octals with a leading zero, dates and other look-alikes.
    static let strings: [String] = [
        "on", "off", "yes", "no", "NO", "Yes", "y", "n", "TrUe", "nul", "~~",
        "1:20", "190:20:30", "0755", "00", "-0755", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "1_000", "0b101", "0o8", "0xZZ", "-0x1F", "1e", "1.2.3", "+", ".", "e3", "-.nan", "inf",
    ]

    @Test(arguments: typed) func typedPlainScalars(text: String, type: YAMLScalarType) throws {
        let tree = try parse("value: \(text)\n")
        let value = try tree.node(["value"])
        #expect(tree.scalarType(value) == type, "`\(text)`")
        #expect(tree.scalar(value) == text, "the text is kept as written")
    }

    @Test(arguments: strings) func untypedPlainScalarsStayStrings(text: String) throws {
        let tree = try parse("value: \(text)\n")
        let value = try tree.node(["value"])
        #expect(tree.scalarType(value) == .string, "`\(text)`")
        #expect(tree.scalar(value) == text)
    }

    @Test func floatKeepsItsText() throws {
        let tree = try parse("version: 1.10\n")
        let version = try tree.node(["version"])
        #expect(tree.scalarType(version) == .float)
        #expect(tree.scalar(version) == "1.10")
    }

    @Test func quotedAndBlockScalarsAreStrings() throws {
        let text = """
            a: "true"
            b: 'null'
            c: "42"
            d: |
              true
            e: >-
              1.5

            """
        let tree = try parse(text)
        for key in ["a", "b", "c", "d", "e"] {
            #expect(tree.scalarType(try tree.node([key])) == .string, "\(key)")
        }
        #expect(tree.style(try tree.node(["a"])) == .doubleQuoted)
        #expect(tree.style(try tree.node(["b"])) == .singleQuoted)
        #expect(tree.style(try tree.node(["d"])) == .literal)
        #expect(tree.style(try tree.node(["e"])) == .folded)
        #expect(tree.scalar(try tree.node(["e"])) == "1.5")
    }

    @Test func boolAccessor() throws {
        let tree = try parse("a: True\nb: FALSE\nc: yes\n")
        #expect(tree.bool(try tree.node(["a"])) == true)
        #expect(tree.bool(try tree.node(["b"])) == false)
        #expect(tree.bool(try tree.node(["c"])) == nil)
    }

    @Test func jsonSchemaTagsAreAllowed() throws {
        let text = """
            s: !!str 123
            i: !!int 42
            f: !!float 1
            n: !!null null
            b: !!bool true
            m: !!map {a: 1}
            l: !!seq [1]

            """
        let tree = try parse(text)
        #expect(tree.scalarType(try tree.node(["s"])) == .string)
        #expect(tree.scalar(try tree.node(["s"])) == "123")
        #expect(tree.scalarType(try tree.node(["i"])) == .int)
        #expect(tree.scalarType(try tree.node(["f"])) == .float)
        #expect(tree.scalarType(try tree.node(["n"])) == .null)
        #expect(tree.scalarType(try tree.node(["b"])) == .bool)
        #expect(tree.kind(try tree.node(["m"])) == .mapping)
        #expect(tree.kind(try tree.node(["l"])) == .sequence)
    }

    @Test func nonSpecificTagMakesAString() throws {
        // YAML 1.2 section 6.9.1 (the suite's S4JQ): `! 12` is the string "12".
        let tree = try parse("a: ! 12\nb: ! true\nc: ! {x: 1}\n")
        #expect(tree.scalarType(try tree.node(["a"])) == .string)
        #expect(tree.scalar(try tree.node(["a"])) == "12")
        #expect(tree.scalarType(try tree.node(["b"])) == .string)
        #expect(tree.kind(try tree.node(["c"])) == .mapping)
    }

    @Test func aJSONSchemaTagThatDoesNotFitItsValueIsAnError() {
        expectError(parseError("a: !!int abc\n"), .unsupportedTag, line: 1, column: 4)
        expectError(parseError("a: !!bool yes\n"), .unsupportedTag, line: 1, column: 4)
    }

    @Test func mappingKeysAreStrings() throws {
        let text = """
            200: ok
            true: yes
            null: nothing
            1.5: float

            """
        let tree = try parse(text)
        #expect(tree.value(forKey: "200", in: tree.root).flatMap { tree.scalar($0) } == "ok")
        #expect(tree.value(forKey: "true", in: tree.root).flatMap { tree.scalar($0) } == "yes")
        #expect(tree.value(forKey: "null", in: tree.root).flatMap { tree.scalar($0) } == "nothing")
        #expect(tree.value(forKey: "1.5", in: tree.root).flatMap { tree.scalar($0) } == "float")
        #expect(tree.problems.isEmpty)
    }

    @Test func quotedAndPlainKeysAreTheSameKey() throws {
        let tree = try parse("'200': quoted\n")
        #expect(tree.value(forKey: "200", in: tree.root).flatMap { tree.scalar($0) } == "quoted")
    }
}
