@testable import FlowSpecYAML
import Testing

/// Large inputs are parsed by libyaml on a helper thread (``EventPipe``) while the tree is built:
/// the tree and every error must be what the one-thread loop gives.
@Suite struct EventPipeTests {
    /// A spec-like document of about `operations` paths, well over the pipeline threshold when large.
    static func document(operations: Int) -> String {
        var text = "openapi: 3.1.0\ninfo: {title: big, version: '1'}\npaths:\n"
        for index in 0..<operations {
            text += """
              /items/\(index):
                get:
                  operationId: get\(index)
                  description: "line one\\nline \\u00e9 two"
                  parameters: [{name: id, in: path, required: true, schema: {type: integer, minimum: \(index)}}]
                  responses:
                    '200':
                      description: |
                        literal
                        text \(index)
                      content:
                        application/json:
                          example: &ex\(index) {id: \(index), tags: [a, b, ~, true, 0x1F, 1.5e3]}
                          x-copy: *ex\(index)

            """
        }
        return text
    }

    static func parse(_ text: String, pipelined: Bool, options: YAMLParseOptions = .default) -> Result<YAMLTree, YAMLError> {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(YAMLError) in
                try YAMLParser.parseYAML(buffer, sourceArray: bytes, options: options, pipelined: pipelined)
            }
        }
    }

    /// Every node of `tree` from `node` down, with its kind, type, text and marks, in order.
    static func dump(_ tree: YAMLTree, _ node: NodeID, into lines: inout [String]) {
        let marks = "\(tree.start(node)) \(tree.end(node))"
        switch tree.kind(node) {
        case .scalar:
            lines.append("scalar \(tree.scalarType(node)) \(tree.style(node)) \(tree.scalar(node) ?? "") \(marks)")
        case .sequence:
            lines.append("sequence \(tree.childCount(node)) \(marks)")
            for item in tree.items(node) { dump(tree, item, into: &lines) }
        case .mapping:
            lines.append("mapping \(tree.childCount(node)) \(marks)")
            for entry in tree.entries(node) {
                dump(tree, entry.key, into: &lines)
                dump(tree, entry.value, into: &lines)
            }
        }
    }

    static func dump(_ result: Result<YAMLTree, YAMLError>) -> [String] {
        switch result {
        case .success(let tree):
            var lines: [String] = ["nodes \(tree.count)"]
            dump(tree, tree.root, into: &lines)
            return lines
        case .failure(let error):
            return ["error \(error)"]
        }
    }

    @Test func largeDocumentGivesTheSameTree() throws {
        let text = Self.document(operations: 2_000)
        #expect(text.utf8.count > YAMLParser.pipelineThreshold)
        let piped = Self.dump(Self.parse(text, pipelined: true))
        #expect(piped.count > 50_000)
        #expect(piped == Self.dump(Self.parse(text, pipelined: false)))
        // The public entry point takes the pipeline for an input this large.
        let tree = try YAMLParser.parse(Array(text.utf8), format: .yaml)
        var lines = ["nodes \(tree.count)"]
        Self.dump(tree, tree.root, into: &lines)
        #expect(lines == piped)
    }

    @Test func smallDocumentThroughThePipe() {
        let text = "a: [1, 2]\nb: {c: d}\n"
        let piped = Self.dump(Self.parse(text, pipelined: true))
        #expect(piped.first == "nodes 9")
        #expect(piped == Self.dump(Self.parse(text, pipelined: false)))
    }

    @Test func libyamlErrorNearTheEndIsTheSame() {
        // More events than the pipe holds come before the error.
        let text = Self.document(operations: 2_000) + "  /broken:\n    get: [unclosed\n"
        let piped = Self.dump(Self.parse(text, pipelined: true))
        #expect(piped.count == 1 && piped[0].hasPrefix("error "))
        #expect(piped == Self.dump(Self.parse(text, pipelined: false)))
    }

    @Test func builderErrorStopsTheHelper() {
        // A second document: the builder refuses it while libyaml could go on reading.
        let text = Self.document(operations: 2_000) + "---\n" + Self.document(operations: 2_000)
        let piped = Self.dump(Self.parse(text, pipelined: true))
        #expect(piped.count == 1 && piped[0].contains("more than one YAML document"))
        #expect(piped == Self.dump(Self.parse(text, pipelined: false)))
        // A budget that the first events already break: the helper is stopped with the pipe full.
        var options = YAMLParseOptions()
        options.maxDepth = 3
        let deep = Self.dump(Self.parse(text, pipelined: true, options: options))
        #expect(deep.count == 1 && deep[0].hasPrefix("error "))
        #expect(deep == Self.dump(Self.parse(text, pipelined: false, options: options)))
    }
}
