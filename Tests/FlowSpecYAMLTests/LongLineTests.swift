import FlowSpecYAML
import Testing

/// Minified documents are one long line: every node on it still gets its exact column and offset,
/// and the line is walked once (it used to be walked once per node, which made a 1 MB minified
/// JSON spec take minutes).
@Suite struct LongLineTests {
    /// A one-line mapping of `count` members with non-ASCII text, and where each key starts.
    static func oneLine(count: Int) -> (text: String, keys: [String: YAMLMark]) {
        var text = "{"
        var keys: [String: YAMLMark] = [:]
        var column = 2
        for i in 0..<count {
            let key = "k\(i)"
            let member = "\"\(key)\": \"é😀\(i)\"" + (i + 1 < count ? ", " : "")
            keys[key] = YAMLMark(line: 1, column: column, offset: text.utf8.count)
            text += member
            column += member.unicodeScalars.count
        }
        return (text + "}", keys)
    }

    @Test(arguments: [YAMLParser.Format.json, .yaml]) func everyMemberOfALongLineHasItsPlace(format: YAMLParser.Format)
        throws
    {
        let (text, keys) = Self.oneLine(count: 3_000)
        let tree = try parse(text, format: format)
        #expect(tree.childCount(tree.root) == 3_000)
        for entry in tree.entries(tree.root) {
            let name = try #require(tree.scalar(entry.key))
            #expect(tree.start(entry.key) == keys[name], "\(name)")
            // The value starts after `: `, two characters and two bytes past the end of the key.
            let keyEnd = tree.end(entry.key)
            #expect(tree.start(entry.value).column == keyEnd.column + 2)
            #expect(tree.start(entry.value).offset == keyEnd.offset + 2)
        }
        #expect(tree.end(tree.root).offset == text.utf8.count)
    }

    @Test func nonASCIILinesAfterAnEarlierLineKeepCountingFromTheirStart() throws {
        let text = "a: [é, 😀, é]\nb: [x, é, y, 😀, z]\n"
        let tree = try parse(text)
        let b = Array(tree.items(try tree.node(["b"])))
        #expect(b.map { tree.start($0).column } == [5, 8, 11, 14, 17])
        #expect(b.map { tree.start($0).offset } == [22, 25, 29, 32, 38])
        let a = Array(tree.items(try tree.node(["a"])))
        #expect(a.map { tree.start($0).offset } == [4, 8, 14])
    }
}
