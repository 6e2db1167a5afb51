@testable import FlowSpecSchema
import FlowSpecYAML
import Testing

/// Examples are validated from a tape written straight from the YAML tree: it must be the tape of
/// the ``JSONValue`` the tree converts to, word for word, and validate the same.
@Suite struct TreeTapeTests {
    static let documents: [(name: String, text: String, format: YAMLParser.Format)] = [
        ("scalars", "a: text\nb: ~\nc: true\nd: False\ne: 12\nf: -0\ng: +7\nh: 0x1F\ni: 0o17\nj: 1.50\nk: 1e400\nl: .inf\nm: -.Inf\nn: .nan\no: '12'\np: \"\"\nq: 123456789012345678901234567890\n", .yaml),
        ("nesting and aliases", "a: &x {k: [1, {m: n}, [], {}]}\nb: *x\nc: [*x, *x]\n", .yaml),
        ("duplicate and merged keys", "a: 1\nb: 2\na: 3\nm: &base {x: 1, y: 2}\nn:\n  <<: *base\n  y: 3\n", .yaml),
        ("non-ASCII", "é: ü\n\"e\\u0301\": decomposed\n名前: [値, \"😀\"]\nlong: \"\(String(repeating: "ä", count: 40))\"\n", .yaml),
        ("many keys", "{" + (0..<40).map { "k\($0): \($0)" }.joined(separator: ", ") + ", é: 1, \"e\\u0301\": 2}\n", .yaml),
        ("JSON", "{\"a\": [1, 2.5, -3e2, true, null, \"x\\u00e9\"], \"b\": {\"c\": \"\\ud83d\\ude00\"}, \"d\": 1.0}", .json),
    ]

    static func tapes(_ text: String, format: YAMLParser.Format) throws -> [(JSONTape, JSONTape)] {
        let tree = try YAMLParser.parse(Array(text.utf8), format: format)
        return tree.nodeIDs.map { (JSONTape(tree: tree, node: $0), JSONTape(JSONValue(tree: tree, node: $0))) }
    }

    @Test(arguments: documents.indices) func treeTapeIsTheValueTape(index: Int) throws {
        let document = Self.documents[index]
        for (direct, converted) in try Self.tapes(document.text, format: document.format) {
            #expect(direct.words == converted.words, "\(document.name)")
            #expect(direct.bytes == converted.bytes, "\(document.name)")
            #expect(direct.numbers.map(\.text) == converted.numbers.map(\.text), "\(document.name)")
        }
    }

    @Test func validatesTheSameAsTheValue() throws {
        let schemaText = """
            {"type": "object", "properties": {"a": {"type": "string", "maxLength": 3}, "e": {"type": "integer", "maximum": 10},
             "l": {"type": "number"}, "b": {"type": "null"}}, "required": ["zz"]}
            """
        var registry = SchemaRegistry()
        let schemaTree = try YAMLParser.parse(Array(schemaText.utf8), format: .json)
        registry.register(SchemaSource(tree: schemaTree, file: "t.json", baseURI: "file:///t.json"))
        let validator = try SchemaValidator(registry: registry, uri: "file:///t.json")
        let tree = try YAMLParser.parse(Array(Self.documents[0].text.utf8), format: .yaml)
        let direct = validator.validate(tree: tree, node: tree.root)
        let converted = validator.validate(JSONValue(tree: tree, node: tree.root))
        #expect(!direct.isValid)
        #expect(direct.errors.map(\.message) == converted.errors.map(\.message))
        #expect(direct.errors.map(\.instancePointer) == converted.errors.map(\.instancePointer))
        #expect(direct.errors.count >= 3)
    }
}
