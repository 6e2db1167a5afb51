import FlowSpecYAML
import Testing

/// Hostile inputs are refused by a budget while parsing, before they cost time or memory.
@Suite struct YAMLBudgetTests {
    /// The classic "billion laughs": nine levels of nine aliases each, 9^9 nodes once expanded.
    static let billionLaughs = """
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]

        """

    @Test func deepFlowNestingFailsFast() throws {
        let deep = String(repeating: "[", count: 100_000)
        let error = try #require(parseError("a: " + deep, options: YAMLParseOptions(requireMappingRoot: false)))
        // The root mapping is level 1, so the 512th `[` is the first one past the budget.
        expectError(error, .depthExceeded, line: 1, column: 515, offset: 514)
        #expect(error.message.contains("512"))
        #expect(error.hint != nil)
    }

    @Test func deepNestingFailsFastInEveryFormat() throws {
        let deep = String(repeating: "[", count: 100_000)
        let options = YAMLParseOptions(requireMappingRoot: false)
        for format in [YAMLParser.Format.yaml, .json, .auto] {
            let error = try #require(parseError(deep, format: format, options: options))
            expectError(error, .depthExceeded, line: 1, column: 513, offset: 512)
        }
    }

    @Test func deepBlockNesting() throws {
        var text = ""
        for level in 0..<40 { text += String(repeating: " ", count: level) + "k:\n" }
        let error = try #require(parseError(text, options: YAMLParseOptions(maxDepth: 10)))
        expectError(error, .depthExceeded, line: 11, column: 11)
        // Within budget it parses.
        _ = try parse(text, options: YAMLParseOptions(maxDepth: 41))
    }

    @Test func billionLaughsIsRefusedWhileParsing() throws {
        let error = try #require(parseError(Self.billionLaughs))
        // a = 10 nodes, b = 91, c = 820, d = 7,381, e = 66,430, f = 597,871, g = 5,380,840: `g`'s list is
        // the first past the 2,000,000-node budget.
        expectError(error, .aliasBudgetExceeded, line: 7, column: 4)
        #expect(error.message.contains("2000000"))
        #expect(error.hint?.contains("alias bomb") == true)
    }

    @Test func expansionBudgetIsConfigurable() throws {
        let options = YAMLParseOptions(maxExpandedNodes: 1_000)
        let error = try #require(parseError(Self.billionLaughs, options: options))
        // c's list expands to 820 nodes; d's, 7,381, is the first past 1,000.
        expectError(error, .aliasBudgetExceeded, line: 4, column: 4)
    }

    @Test func aliasCountBudget() throws {
        let text = "a: &x 1\nb: [*x, *x, *x, *x]\n"
        let error = try #require(parseError(text, options: YAMLParseOptions(maxAliases: 3)))
        expectError(error, .aliasBudgetExceeded, line: 2, column: 17, offset: 24)
        #expect(error.message.contains("3 aliases"))
        _ = try parse(text, options: YAMLParseOptions(maxAliases: 4))
    }

    @Test func inputSizeBudget() throws {
        let text = "a: 123456\n"
        let error = try #require(parseError(text, options: YAMLParseOptions(maxInputBytes: 9)))
        expectError(error, .inputTooLarge, line: 1, column: 1, offset: 0)
        #expect(error.message.contains("10 bytes"))
        _ = try parse(text, options: YAMLParseOptions(maxInputBytes: 10))
    }

    @Test func moderateFanOutStaysSharedAndWithinBudget() throws {
        // Six levels of eight aliases: about 1.1 million nodes once expanded (under the 2,000,000 budget),
        // 60-odd nodes in the tree.
        var text = "l0: &l0 {type: string}\n"
        for level in 1...6 {
            let refs = (0..<8).map { "p\($0): *l\(level - 1)" }.joined(separator: ", ")
            text += "l\(level): &l\(level) {\(refs)}\n"
        }
        let tree = try parse(text)
        #expect(tree.count < 200, "aliases are not copied: \(tree.count) nodes")
        // Every alias is the anchored node itself.
        let l6 = try tree.node(["l6"])
        let l5 = try tree.node(["l5"])
        #expect(tree.entries(l6).allSatisfy { $0.value == l5 })
        // A consumer that walks the shared DAG once per node finishes at once.
        var seen = Set<NodeID>()
        var stack = [tree.root]
        while let node = stack.popLast() {
            guard seen.insert(node).inserted else { continue }
            stack.append(contentsOf: tree.items(node))
            for entry in tree.entries(node) { stack.append(contentsOf: [entry.key, entry.value]) }
        }
        #expect(seen.count == tree.count)
    }
}
