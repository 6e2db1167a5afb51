import FlowSpecYAML
import Testing

/// Duplicate keys in a mapping large enough to be checked through its hash table: every later
/// occurrence is reported against the first, in order, and dropped.
@Suite struct LargeMappingDuplicateTests {
    @Test func laterOccurrencesAreReportedAgainstTheFirst() throws {
        var text = ""
        for index in 0..<40 { text += "k\(index % 17): \(index)\n" }
        text += "\"k3\": quoted\n'': empty\n? ''\n: again\n"
        let tree = try YAMLParser.parse(Array(text.utf8), format: .yaml)
        #expect(tree.childCount(tree.root) == 18)
        let keys = tree.entries(tree.root).map { tree.scalar($0.key) ?? "?" }
        #expect(keys == (0..<17).map { "k\($0)" } + [""])
        // The first occurrence wins.
        #expect(tree.scalar(tree.value(forKey: "k3", in: tree.root)!) == "3")
        #expect(tree.problems.count == 40 - 17 + 1 + 1)
        let lines = tree.problems.map(\.mark.line)
        #expect(lines == Array(18...40) + [41, 43])
        let related = tree.problems.map { $0.relatedMark?.line ?? 0 }
        #expect(related == (17..<40).map { $0 % 17 + 1 } + [4, 42])
    }
}
