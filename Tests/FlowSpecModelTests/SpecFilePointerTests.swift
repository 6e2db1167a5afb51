import FlowSpecModel
import FlowSpecYAML
import Testing

/// `SpecFile.pointer(of:)` takes each step from the parent table's record of where a node first
/// appears in its parent; these tests hold it to the search it replaced, for every node of files
/// with the cases that make a node's place ambiguous (aliases, merge keys, a dropped duplicate key).
@Suite struct SpecFilePointerTests {
    /// The pointer by searching each parent's children for the first entry or item that is the node.
    static func searchedPointer(_ node: NodeID, in file: SpecFile) -> String {
        let tree = file.tree
        var tokens: [String] = []
        var current = node
        var steps = 0
        while current != tree.root && steps < tree.count, let parent = file.parent(of: current) {
            if tree.isMapping(parent) {
                for entry in tree.entries(parent) where entry.value == current || entry.key == current {
                    tokens.append(tree.scalar(entry.key) ?? "")
                    break
                }
            } else if let index = tree.items(parent).firstIndex(of: current) {
                tokens.append(String(index - tree.items(parent).startIndex))
            }
            current = parent
            steps += 1
        }
        return JSONPointer(tokens.reversed()).description
    }

    static func expectSamePointers(_ text: String) throws {
        let result = SpecLoader().load(bytes: Array(text.utf8), path: "/tmp/pointer-test.yaml")
        let file = try #require(result.files.root)
        #expect(file.tree.count > 10)
        for node in file.tree.nodeIDs {
            #expect(file.pointer(of: node).description == searchedPointer(node, in: file), "node \(node.index)")
        }
    }

    @Test func aliasesMergeKeysAndSequences() throws {
        try Self.expectSamePointers(
            """
            openapi: 3.1.0
            info: {title: Pointers, version: v}
            paths:
              /a:
                get:
                  parameters:
                    - &p {name: id, in: query, schema: {type: string}}
                    - *p
                    - {name: other, in: query}
                  responses:
                    '200': &ok {description: fine}
                    '201': *ok
            components:
              schemas:
                Base: &base {type: object, properties: {a: {type: string}}}
                Same: *base
                Merged:
                  <<: *base
                  required: [a]
                List: [*base, *base, {type: string}]
            """)
    }

    @Test func aDroppedDuplicateKeyGetsNoStep() throws {
        // The second `x` is dropped (the first wins): its nodes are in no collection.
        try Self.expectSamePointers(
            """
            openapi: 3.1.0
            info: {title: Duplicates, version: v}
            paths: {}
            components:
              schemas:
                x: {type: string}
                x: {type: object, properties: {deep: {type: integer}}}
                y: [1, 2, [3, 4]]
            """)
    }
}
