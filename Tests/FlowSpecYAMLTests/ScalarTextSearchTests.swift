import FlowSpecYAML
import Testing

/// `mayContainScalarText` answers "no" only when no scalar's text holds the needle, escapes included.
@Suite struct ScalarTextSearchTests {
    @Test func findsPlainAndEscapedText() throws {
        let plain = try YAMLParser.parse(Array("a: {x-flowspec-ignore: {r: why}}\n".utf8))
        #expect(plain.mayContainScalarText("x-flowspec-ignore"))
        // The key is spelled with an escape: only the unescaped text holds it.
        let escaped = try YAMLParser.parse(Array("a: {\"x\\u002Dflowspec-ignore\": {r: why}}\n".utf8))
        #expect(escaped.mayContainScalarText("x-flowspec-ignore"))
        let json = try YAMLParser.parse(Array("{\"a\": {\"x\\u002dflowspec-ignore\": 1}}".utf8), format: .json)
        #expect(json.mayContainScalarText("x-flowspec-ignore"))
    }

    @Test func missesWhatNoScalarHolds() throws {
        let tree = try YAMLParser.parse(Array("a: {x-flowspec: ignore, b: \"x-flowspec-ign\"}\n".utf8))
        #expect(!tree.mayContainScalarText("x-flowspec-ignore"))
        #expect(tree.mayContainScalarText("flowspec-ign"))
    }
}
