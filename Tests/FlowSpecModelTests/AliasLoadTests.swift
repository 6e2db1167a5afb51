import FlowSpecModel
import FlowSpecYAML
import Testing

/// Aliases stay shared in the tree, so no later pass can expand them past the parser's budget: a
/// moderate fan-out loads and walks quickly; a bomb is refused while parsing, with its place.
@Suite struct AliasLoadTests {
    /// A spec whose schemas fan out through aliases, `levels` deep with `width` aliases a level.
    static func fanOut(levels: Int, width: Int) -> String {
        var text = """
            openapi: 3.1.0
            info: {title: Aliases, version: v}
            paths: {}
            components:
              schemas:
                L0: &l0 {type: string}

            """
        for level in 1...levels {
            let properties = (0..<width).map { "p\($0): *l\(level - 1)" }.joined(separator: ", ")
            text += "    L\(level): &l\(level) {type: object, properties: {\(properties)}}\n"
        }
        return text
    }

    @Test func moderateFanOutLoadsAndConsumersFinish() throws {
        // 4 levels of 6: 6^4 = 1,296 leaf schemas once expanded, about 60 nodes in the tree.
        let result = try loadYAML(Self.fanOut(levels: 4, width: 6))
        expectNoDiagnostics(result)
        let file = try #require(result.files.root)
        #expect(file.tree.count < 100, "\(file.tree.count) nodes")
        // Walking the model the way a linter does visits every expanded schema, and finishes.
        func count(_ schema: Schema) -> Int {
            1 + (schema.object?.properties.values.reduce(0) { $0 + count($1) } ?? 0)
        }
        let l4 = try #require(result.componentSchema("L4"))
        #expect(count(l4) == 1 + 6 + 36 + 216 + 1296)
        // Every property of L4 is the one L3 node; its pointer is the anchored node's.
        let l3 = try #require(result.componentSchema("L3"))
        #expect(Set(l4.object?.properties.values.map(\.node) ?? []) == [l3.node])
        #expect(result.files.pointer(of: l3.node).description == "/components/schemas/L3")
    }

    @Test func findingsInsideAnAnchoredObjectPointWhereItIsWritten() throws {
        let text = """
            openapi: 3.0.3
            info: {title: T, version: v}
            paths: {}
            components:
              schemas:
                Base: &base {type: object, colour: red}
                Other: {type: object, properties: {b: *base, c: *base}}

            """
        let result = try loadYAML(text)
        let diagnostic = expectDiagnostic(result, .unknownField, line: 6, column: 32)
        #expect(diagnostic?.pointer?.description == "/components/schemas/Base/colour")
        #expect(result.diagnostics.count == 1, "the shared node is reported once: \(describe(result))")
    }

    @Test func bombIsRefusedAtParseTimeWithItsPlace() throws {
        // 9 levels of 9: 9^9 schemas once expanded. L6's properties (2.5 million nodes) are the first past
        // the budget, and the parser refuses them before the builder sees anything.
        let result = try loadYAML(Self.fanOut(levels: 9, width: 9))
        #expect(result.document == nil)
        #expect(result.diagnostics.count == 1, "\(describe(result))")
        let diagnostic = expectDiagnostic(result, "yaml_alias_budget_exceeded", line: 12, column: 40)
        #expect(diagnostic?.hint?.contains("alias bomb") == true)
    }

    @Test func aliasCountBudgetFromLoadOptions() throws {
        var options = LoadOptions()
        options.yaml.maxAliases = 5
        let result = try loadYAML(Self.fanOut(levels: 1, width: 6), options: options)
        expectDiagnostic(result, "yaml_alias_budget_exceeded", line: 7, column: 90)
    }
}
