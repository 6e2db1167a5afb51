@testable import FlowSpecYAML
import Foundation
import Testing

/// A node keeps byte offsets only and its line and column come from the file's line table, except
/// where libyaml's marks do not follow from the offsets (a lone `\r`, NEL, LS or PS ends a line for
/// libyaml; its end-of-stream mark moves to a new line). These parse each input twice, once keeping
/// every node's marks whole as the readers gave them, and require the same marks for every node.
@Suite struct DerivedMarksTests {
    static let odd: [(name: String, text: String)] = [
        ("no final line break", "a: 1\nb:\n  c: [1, 2]"),
        ("final line break", "a: 1\nb:\n  - x\n"),
        ("CRLF", "a: 1\r\nb:\r\n  c: x\r\n"),
        ("lone CR", "a: 1\rb: 2\r"),
        ("NEL in a quoted scalar", "a: \"x\u{85}y\"\nb: 2\n"),
        ("LS and PS in quoted scalars", "a: \"x\u{2028}y\"\nb: 'z\u{2029}w'\nc: d\n"),
        ("byte order mark", "\u{FEFF}a: 1\nb: [x, y]\n"),
        ("non-ASCII keys and values", "é: ü\nclé:\n  - 名前: 値\n  - emoji: \"😀 x\"\n"),
        ("tabs", "a:\t1\nb: \"\tx\"\n"),
        ("block scalars", "a: |\n  one\n  two\nb: >-\n  folded\n  text\n\nc: end"),
        ("flow on one line", "{a: [1, {b: c}], d: \"é\", e: {f: [g]}}"),
        ("comments only after", "a: 1 # note\n# end\n"),
        ("document markers", "---\na: 1\n...\n"),
        ("anchors and aliases", "a: &x {k: v}\nb: *x\nc: [*x]\n"),
    ]

    static let oddJSON: [(name: String, text: String)] = [
        ("minified", "{\"a\":[1,{\"b\":\"c\"}],\"d\":\"é\"}"),
        ("pretty with CRLF", "{\r\n  \"a\": 1,\r\n  \"b\": [true, null]\r\n}\r\n"),
        ("byte order mark", "\u{FEFF}{\"a\": \"😀\", \"b\": {\"c\": 2}}"),
        ("LS inside a string", "{\"a\": \"x\u{2028}y\",\n\"b\": 1}"),
    ]

    @Test(arguments: odd.map(\.name)) func yamlMarksMatchTheReader(name: String) throws {
        let text = try #require(Self.odd.first { $0.name == name }).text
        try expectSameMarks(Array(text.utf8), format: .yaml, name: name)
    }

    @Test(arguments: oddJSON.map(\.name)) func jsonMarksMatchTheReader(name: String) throws {
        let text = try #require(Self.oddJSON.first { $0.name == name }).text
        try expectSameMarks(Array(text.utf8), format: .json, name: name)
    }

    /// A long minified line with non-ASCII text: columns come from the scalar checkpoints.
    @Test func longNonASCIILine() throws {
        var text = "{"
        for i in 0..<3_000 { text += "\"clé\(i)\": \"välue \(i) 😀\"," }
        text += "\"end\": 0}"
        try expectSameMarks(Array(text.utf8), format: .json, name: "long line")
        try expectSameMarks(Array(text.utf8), format: .yaml, name: "long line")
    }

    /// Real specs, and every case of the yaml-test-suite that parses (tabs, odd breaks, flow and block
    /// forms, Unicode), when `../shared` is present.
    @Test func sharedFilesGiveTheSameMarks() throws {
        let corpus = sharedFolder.appendingPathComponent("corpus")
        let suite = sharedFolder.appendingPathComponent("conformance/yaml-test-suite")
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            print("DerivedMarksTests: \(corpus.path) is absent; shared files skipped")
            return
        }
        for path in [
            "pingone/community-authenticationAPIs.yml", "pingone/pingone-go-client.openapi.yaml",
            "twilio/twilio_api_v2010.yaml", "twilio/twilio_api_v2010.json", "github/api.github.com.yaml",
        ] {
            let url = corpus.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            try expectSameMarks(Array(data), format: path.hasSuffix(".json") ? .json : .yaml, name: path)
        }
        var cases = 0
        if let enumerator = FileManager.default.enumerator(at: suite, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where url.lastPathComponent == "in.yaml" {
                guard let data = FileManager.default.contents(atPath: url.path) else { continue }
                var options = YAMLParseOptions(requireMappingRoot: false, mergeKeys: false)
                guard let derived = try? YAMLParser.parse(Array(data), format: .yaml, options: options) else { continue }
                options.keepsExactMarks = true
                let exact = try YAMLParser.parse(Array(data), format: .yaml, options: options)
                compare(derived, exact, name: url.deletingLastPathComponent().lastPathComponent)
                cases += 1
            }
        }
        if FileManager.default.fileExists(atPath: suite.path) { #expect(cases > 200) }
    }

    private func expectSameMarks(_ bytes: [UInt8], format: YAMLParser.Format, name: String) throws {
        var options = YAMLParseOptions(requireMappingRoot: false)
        let derived = try YAMLParser.parse(bytes, format: format, options: options)
        options.keepsExactMarks = true
        let exact = try YAMLParser.parse(bytes, format: format, options: options)
        compare(derived, exact, name: name)
    }

    private func compare(_ derived: YAMLTree, _ exact: YAMLTree, name: String) {
        #expect(derived.count == exact.count, "\(name)")
        var mismatches = 0
        for id in exact.nodeIDs where mismatches < 5 {
            if derived.start(id) != exact.start(id) || derived.end(id) != exact.end(id) {
                mismatches += 1
                Issue.record(
                    "\(name): node \(id.index) derived \(derived.start(id))-\(derived.end(id)), read \(exact.start(id))-\(exact.end(id))"
                )
            }
        }
    }
}
