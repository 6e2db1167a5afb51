@testable import FlowSpecYAML
import Testing

/// libyaml's marks count characters; ``CharacterOffsets`` turns them into byte offsets with the line
/// table. Every node's offset must be where its line and column are, on ASCII and non-ASCII lines,
/// in either half of a split file.
@Suite struct CharacterOffsetsTests {
    static let texts = [
        "é: ü\nclé:\n  - 名前: 値\n  - emoji: \"😀 x\"\nplain: ascii line\nz: \"ünïcode ünïcode\" # ç\n",
        "a: 1\nb: [é, ü, {ç: 😀}]\nc:\n  d: 'long ünïcode line with several marks: é'\n",
        "\u{FEFF}a: é\nb: [x, \"ü\"]\n",
        "a: é\r\nb:\r\n  c: ü\r\n",
    ]

    @Test(arguments: 0..<texts.count) func offsetsAreWhereLinesAndColumnsAre(index: Int) throws {
        let bytes = Array(Self.texts[index].utf8)
        var options = YAMLParseOptions()
        options.keepsExactMarks = true
        let tree = try YAMLParser.parse(bytes, format: .yaml, options: options)
        for id in tree.nodeIDs {
            for mark in [tree.start(id), tree.end(id)] {
                // libyaml does not count the byte order mark in its columns.
                let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                let expected = YAMLMark.locate(offset: mark.offset - bom, in: Array(bytes.dropFirst(bom)))
                #expect(
                    expected.line == mark.line && expected.column == mark.column,
                    "node \(id.index): \(mark) is at \(expected.line):\(expected.column)")
            }
        }
    }

    /// A spec-sized file whose halves both hold non-ASCII lines: the tail's offsets are moved by the
    /// head's bytes, and each line's start comes from the whole file's table.
    @Test func splitHalvesWithNonASCIILines() throws {
        var text = "openapi: 3.1.0\n"
        for half in ["paths", "components"] {
            text += "\(half):\n"
            for index in 0..<300 { text += "  k\(index):\n    é: \"ü \(index)\"\n    plain: x\n" }
        }
        let bytes = Array(text.utf8)
        let split = try #require(SplitParseTests.splitTree(bytes))
        let whole = try YAMLParser.parse(bytes, format: .yaml)
        #expect(SplitParseTests.raw(split) == SplitParseTests.raw(whole))
        for id in split.nodeIDs {
            let mark = split.start(id)
            let expected = YAMLMark.locate(offset: mark.offset, in: bytes)
            #expect(expected.line == mark.line && expected.column == mark.column)
        }
    }
}
