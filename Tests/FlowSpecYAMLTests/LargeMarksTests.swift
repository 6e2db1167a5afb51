import FlowSpecYAML
import Testing

/// Marks far into a file: columns past 65,535 on a minified line and collections longer than 65,535
/// lines, in both readers, mixed in one tree, report the same marks as any other node (records once
/// kept columns in 16 bits; the line table must not bring such a limit back).
@Suite struct LargeMarksTests {
    @Test(arguments: [YAMLParser.Format.json, .yaml]) func columnsPast16BitsAreExact(format: YAMLParser.Format) throws {
        let (text, keys) = LongLineTests.oneLine(count: 6_000)
        let tree = try parse(text, format: format)
        #expect(tree.childCount(tree.root) == 6_000)
        var widest = 0
        for entry in tree.entries(tree.root) {
            let name = try #require(tree.scalar(entry.key))
            let start = tree.start(entry.key)
            #expect(start == keys[name], "\(name)")
            widest = max(widest, start.column)
            let keyEnd = tree.end(entry.key)
            #expect(keyEnd.line == 1)
            #expect(keyEnd.column == start.column + name.count + 2)
            #expect(tree.start(entry.value).column == keyEnd.column + 2)
            #expect(tree.start(entry.value).offset == keyEnd.offset + 2)
        }
        #expect(widest > 65_535)
        #expect(tree.start(tree.root) == YAMLMark(line: 1, column: 1, offset: 0))
        #expect(tree.end(tree.root).offset == text.utf8.count)
        #expect(tree.end(tree.root).column == text.unicodeScalars.count + 1)
    }

    @Test func collectionsLongerThan16BitsOfLinesEndWhereTheyEnd() throws {
        let count = 70_000
        var text = "list:\n"
        for i in 0..<count { text += "  - \(i)\n" }
        text += "after: x\n"
        let tree = try parse(text)
        let list = try tree.node(["list"])
        let items = Array(tree.items(list))
        #expect(items.count == count)
        #expect(tree.start(list) == YAMLMark(line: 2, column: 3, offset: 8))
        // A block sequence ends where the next key starts.
        let after = try #require(tree.entries(tree.root).last?.key)
        #expect(tree.start(after).line == count + 2)
        #expect(tree.end(list) == tree.start(after))
        let last = try #require(items.last)
        #expect(tree.start(last).line == count + 1)
        #expect(tree.start(last).column == 5)
        #expect(tree.end(last).line == count + 1)
        #expect(tree.end(last).column == 5 + "\(count - 1)".count)
        #expect(tree.end(tree.root).line == count + 3)
        #expect(tree.end(tree.root).offset == text.utf8.count)
    }

    @Test func aDuplicateKeyPast16BitsOfColumnsNamesBothPlaces() throws {
        let filler = String(repeating: "x", count: 70_000)
        let text = "{\"a\": 1, \"pad\": \"\(filler)\", \"b\": 2, \"b\": 3}"
        let tree = try parse(text, format: .json)
        let problem = try #require(tree.problems.first)
        #expect(problem.kind == .duplicateKey)
        let firstB = text.utf8.count - "\"b\": 2, \"b\": 3}".utf8.count
        #expect(problem.relatedMark == YAMLMark(line: 1, column: firstB + 1, offset: firstB))
        let secondB = text.utf8.count - "\"b\": 3}".utf8.count
        #expect(problem.mark == YAMLMark(line: 1, column: secondB + 1, offset: secondB))
        #expect(problem.message.contains("line 1, column \(firstB + 1)"))
    }
}
