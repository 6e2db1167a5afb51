import FlowSpecYAML
import Testing

/// `<<` merge keys: shallow, keys written in the mapping win, earlier sources in a list win.
@Suite struct MergeKeyTests {
    static let text = """
        base: &base {a: 1, b: 2}
        other: &other {b: 20, c: 30}
        one:
          <<: *base
          b: local
        list:
          <<: [*base, *other]
        localFirst:
          b: mine
          <<: [*other, *base]
        nested:
          <<: {inner: &deep {x: 1}}
          y: 2

        """

    @Test func mergesShallowly() throws {
        let tree = try parse(Self.text)
        #expect(tree.plain(try tree.node(["one"])) == .object(["a": .number(1), "b": .string("local")]))
        #expect(tree.problems.isEmpty, "merged keys are not duplicates of local ones")
    }

    @Test func earlierSourcesInAListWin() throws {
        let tree = try parse(Self.text)
        #expect(tree.plain(try tree.node(["list"])) == .object(["a": .number(1), "b": .number(2), "c": .number(30)]))
        let localFirst = try tree.node(["localFirst"])
        #expect(tree.plain(localFirst) == .object(["a": .number(1), "b": .string("mine"), "c": .number(30)]))
    }

    @Test func mergeIsShallowAndKeepsMergedNodesShared() throws {
        let tree = try parse(Self.text)
        let nested = try tree.node(["nested"])
        #expect(tree.value(forKey: "<<", in: nested) == nil, "the merge key itself is gone")
        let inner = try tree.node(["nested", "inner"])
        #expect(tree.plain(inner) == .object(["x": .number(1)]))
        // Merged entries are the source's own nodes, not copies.
        let base = try tree.node(["base"])
        let one = try tree.node(["one"])
        #expect(tree.value(forKey: "a", in: one) == tree.value(forKey: "a", in: base))
    }

    @Test func localKeysComeFirstThenMergedOnesInOrder() throws {
        let tree = try parse(Self.text)
        let list = try tree.node(["list"])
        #expect(tree.entries(list).map { tree.scalar($0.key) } == ["a", "b", "c"])
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let tree = try parse("a: &a {x: 1}\nb:\n  '<<': *a\n")
        #expect(tree.value(forKey: "<<", in: try tree.node(["b"])) != nil)
    }

    @Test func mergeKeysCanBeTurnedOff() throws {
        let tree = try parse("a: &a {x: 1}\nb:\n  <<: *a\n", options: YAMLParseOptions(mergeKeys: false))
        #expect(tree.value(forKey: "<<", in: try tree.node(["b"])) != nil)
        #expect(tree.value(forKey: "x", in: try tree.node(["b"])) == nil)
    }

    @Test func scalarMergeValueIsAnError() throws {
        let error = try #require(parseError("a:\n  <<: 1\n  b: 2\n"))
        expectError(error, .invalidMerge, line: 2, column: 7, offset: 9)
        #expect(error.message.contains("must be a mapping or a list of mappings"))
    }

    @Test func listMergeValueWithANonMappingIsAnError() throws {
        let error = try #require(parseError("base: &b {x: 1}\na:\n  <<: [*b, [1]]\n"))
        expectError(error, .invalidMerge, line: 3, column: 12)
        #expect(error.message.contains("only mappings"))
    }

    @Test func duplicateKeysAfterMergingAreStillReported() throws {
        let tree = try parse("base: &b {x: 1}\na:\n  <<: *b\n  y: 1\n  y: 2\n")
        #expect(tree.problems.count == 1)
        expectError(tree.problems.first, .duplicateKey, line: 5, column: 3)
    }
}
