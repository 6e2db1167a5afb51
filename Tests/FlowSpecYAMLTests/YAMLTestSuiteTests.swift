import FlowSpecYAML
import Foundation
import Testing

/// The public yaml-test-suite (`shared/conformance/yaml-test-suite`, data-2022-01-17): every case that
/// must be rejected is, and every single-document case with an `in.json` gives that data.
///
/// The suite is YAML 1.2, so cases are read with `mergeKeys: false` (1.2 has no merge keys) and
/// `requireMappingRoot: false`. Categories by design, not failures:
/// - several documents in one stream: refused with `yaml_multiple_documents`;
/// - no document at all: refused with `yaml_empty_document`;
/// - one document without `in.json` (tags, complex keys, null keys): either parses or fails with a
///   ``YAMLError``; never a crash.
/// Every other mismatch is listed by name in ``exceptions`` with its reason.
@Suite struct YAMLTestSuiteTests {
    static let folder = sharedFolder.appendingPathComponent("conformance/yaml-test-suite")

    /// Cases that do not give the suite's answer, each with why.
    static let exceptions: [String: String] = [
        "2LFX": "libyaml 0.2.5: rejects the reserved directive `%FOO` instead of ignoring it",
        "2SXE": "libyaml 0.2.5: does not allow `:` in anchor names",
        "2XXW": "tag `!!set` is outside YAML's JSON schema: refused by design",
        "4MUZ/00": "libyaml 0.2.5: rejects a flow-mapping `:` on the line after its key",
        "4MUZ/01": "libyaml 0.2.5: rejects a flow-mapping `:` on the line after its key",
        "4MUZ/02": "libyaml 0.2.5: rejects a flow-mapping `:` on the line after its key",
        "565N": "tag `!!binary` is outside YAML's JSON schema: refused by design",
        "58MP": "libyaml 0.2.5: rejects `{x: :x}` (a plain scalar starting with `:` in flow)",
        "5MUD": "libyaml 0.2.5: rejects a flow-mapping `:` and value on the line after the key",
        "5T43": "libyaml 0.2.5: rejects a flow scalar starting with `:` right after a `:`",
        "5TYM": "refused for the local tag `!my-light` (by design) before its second document is reached",
        "652Z": "libyaml 0.2.5: reads `?foo` in a flow mapping as an explicit key, not the plain scalar `?foo`",
        "6BCT": "libyaml 0.2.5: rejects tabs as separation space before a node",
        "6CA3": "libyaml 0.2.5: rejects a tab before a top-level flow collection",
        "6CK3": "tag `!local` is outside YAML's JSON schema: refused by design",
        "6LVF": "libyaml 0.2.5: rejects the reserved directive `%FOO` instead of ignoring it",
        "6WLZ": "refused for the local tag `!foo` (by design) before its second document is reached",
        "7FWL": "tag `!bar` is outside YAML's JSON schema: refused by design",
        "7Z25": "libyaml 0.2.5: rejects a bare document after a `...` document end marker",
        "8XYN": "libyaml 0.2.5: does not allow non-ASCII characters in anchor names",
        "96NN/00": "libyaml 0.2.5: rejects a tab at the start of literal block content",
        "96NN/01": "libyaml 0.2.5: rejects a tab at the start of literal block content",
        "9C9N": "libyaml 0.2.5: accepts a flow sequence indented less than its parent (invalid)",
        "9JBA": "libyaml 0.2.5: accepts a comment without a space after a flow sequence (invalid)",
        "9SA2": "libyaml 0.2.5: rejects a multi-line double-quoted flow mapping key",
        "9WXW": "refused for the local tag `!foo` (by design) before its second document is reached",
        "A2M4": "libyaml 0.2.5: rejects a tab after a block sequence indicator",
        "BEC7": "libyaml 0.2.5: refuses `%YAML 1.3` instead of reading it with a warning",
        "C4HZ": "tag `tag:clarkevans.com,2002:shape` is outside YAML's JSON schema: refused by design",
        "CC74": "tag `tag:example.com,2000:app/foo` is outside YAML's JSON schema: refused by design",
        "CUP7": "tag `!local` is outside YAML's JSON schema: refused by design",
        "CVW2": "libyaml 0.2.5: accepts a comment without a space after a comma (invalid)",
        "DBG4": "libyaml 0.2.5: rejects plain scalars such as `::vector` and `-123` inside flow collections",
        "DK3J": "libyaml 0.2.5: rejects a zero-indented block scalar line that looks like a comment",
        "DK95/00": "libyaml 0.2.5: rejects a tab that looks like indentation before a value",
        "DK95/01": "libyaml 0.2.5: accepts a tab as indentation of a quoted scalar's continuation line (invalid)",
        "DK95/03": "libyaml 0.2.5: rejects a tab that looks like indentation before a key",
        "DK95/04": "libyaml 0.2.5: rejects a line holding only a tab between mapping entries",
        "FP8R": "libyaml 0.2.5: rejects a zero-indented block scalar",
        "G5U8": "libyaml 0.2.5: accepts `- -` plain dashes in a flow sequence (invalid)",
        "HM87/00": "libyaml 0.2.5: rejects a flow scalar starting with `:`",
        "HM87/01": "libyaml 0.2.5: reads `[?x]` as a mapping with the key `x`, not the plain scalar `?x`",
        "HWV9": "libyaml 0.2.5: rejects a stream holding only `...` instead of reading no document",
        "J7PZ": "tag `!!omap` is outside YAML's JSON schema: refused by design",
        "JEF9/02": "libyaml 0.2.5: drops the kept trailing line break of a `|+` block scalar at the end of the stream",
        "K3WX": "libyaml 0.2.5: rejects a flow-mapping `:` after a comment line",
        "L24T/01": "libyaml 0.2.5: drops a trailing line of spaces from a `|` block scalar",
        "M5C3": "tag `!foo` is outside YAML's JSON schema: refused by design",
        "M7A3": "libyaml 0.2.5: rejects a bare document after a `...` document end marker",
        "MUS6/00": "libyaml 0.2.5: accepts `%YAML 1.1#...` without a space before the comment (invalid)",
        "MUS6/05": "libyaml 0.2.5: rejects the directive `%YAMLL` instead of ignoring it",
        "MUS6/06": "libyaml 0.2.5: rejects the directive `%YAM` instead of ignoring it",
        "NJ66": "libyaml 0.2.5: rejects a multi-line plain flow mapping key",
        "NKF9": "libyaml 0.2.5: rejects an empty key in a block mapping (`: empty key`)",
        "P76L": "tag `tag:example.com,2000:app/int` is outside YAML's JSON schema: refused by design",
        "Q5MG": "libyaml 0.2.5: rejects a tab at the start of a line before a flow mapping",
        "QB6E": "libyaml 0.2.5: accepts a multi-line quoted scalar indented less than its key (invalid)",
        "QT73": "libyaml 0.2.5: rejects a stream holding only a comment and `...` instead of reading no document",
        "R4YG": "libyaml 0.2.5: rejects a tab inside block scalar content after the indentation",
        "S98Z": "libyaml 0.2.5: accepts leading empty lines indented past a block scalar's content (invalid)",
        "SU5Z": "libyaml 0.2.5: accepts a comment without a space after a double-quoted scalar (invalid)",
        "UGM3": "tag `tag:clarkevans.com,2002:invoice` is outside YAML's JSON schema: refused by design",
        "UT92": "libyaml 0.2.5: rejects `%` starting a continuation line of a plain flow scalar",
        "VJP3/01": "libyaml 0.2.5: rejects a flow mapping entry whose key, `:` and value are on separate lines",
        "W4TN": "libyaml 0.2.5: reads `%!PS-Adobe-2.0` inside a block scalar as a directive",
        "W5VH": "libyaml 0.2.5: does not allow characters such as `:@*!$` in alias names",
        "X4QW": "libyaml 0.2.5: accepts a comment without a space after a block scalar indicator (invalid)",
        "Y2GN": "libyaml 0.2.5: ends the anchor `&an:chor` at the `:` and reads `:chor value` as the value",
        "Y79Y/001": "libyaml 0.2.5: rejects a tab at the start of literal block content",
        "Y79Y/003": "libyaml 0.2.5: accepts a tab as indentation inside a flow sequence (invalid)",
        "Y79Y/010": "libyaml 0.2.5: rejects a tab between two block sequence indicators",
        "YJV2": "libyaml 0.2.5: accepts `[-]` (a dash alone in a flow sequence, invalid)",
        "Z67P": "tag `!foo` is outside YAML's JSON schema: refused by design",
        "Z9M4": "tag `tag:example.com,2000:app/foo` is outside YAML's JSON schema: refused by design",
    ]

    /// The measured numbers; the test fails if a change makes them drop.
    static let minimumDataMatches = 204
    static let minimumErrorsCaught = 82

    struct Case {
        var name: String
        var folder: URL
        var mustFail: Bool
        var documents: Int
        var json: [UInt8]?
    }

    static func cases() -> [Case] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var result: [Case] = []
        for case let url as URL in enumerator where url.lastPathComponent == "in.yaml" {
            let caseFolder = url.deletingLastPathComponent()
            let name = String(caseFolder.path.dropFirst(folder.path.count + 1))
            let eventsURL = caseFolder.appendingPathComponent("test.event")
            let events = (try? String(contentsOf: eventsURL, encoding: .utf8)) ?? ""
            let documents = events.split(separator: "\n").filter { $0.hasPrefix("+DOC") }.count
            let jsonURL = caseFolder.appendingPathComponent("in.json")
            result.append(
                Case(
                    name: name, folder: caseFolder,
                    mustFail: manager.fileExists(atPath: caseFolder.appendingPathComponent("error").path),
                    documents: documents,
                    json: manager.fileExists(atPath: jsonURL.path)
                        ? (try? Data(contentsOf: jsonURL)).map(Array.init) : nil
                ))
        }
        return result.sorted { $0.name < $1.name }
    }

    enum Outcome: Equatable {
        case dataMatches, errorCaught, multipleDocumentsRefused, emptyRefused, parsedWithoutJSON, refusedWithoutJSON
        case failed(String)
    }

    static let options = YAMLParseOptions(requireMappingRoot: false, mergeKeys: false)

    static func run(_ test: Case) -> Outcome {
        let input = (try? Data(contentsOf: test.folder.appendingPathComponent("in.yaml"))).map(Array.init) ?? []
        let result = Result { () throws(YAMLError) in try YAMLParser.parse(input, format: .yaml, options: options) }
        if test.mustFail {
            switch result {
            case .failure: return .errorCaught
            case .success(let tree) where !tree.problems.isEmpty: return .errorCaught
            case .success: return .failed("parsed, but the suite says it is invalid")
            }
        }
        if test.documents > 1 {
            if case .failure(let error) = result, error.kind == .multipleDocuments { return .multipleDocumentsRefused }
            return .failed("expected yaml_multiple_documents, got \(result)")
        }
        if test.documents == 0 {
            if case .failure(let error) = result, error.kind == .emptyDocument { return .emptyRefused }
            return .failed("expected yaml_empty_document, got \(result)")
        }
        guard let json = test.json else {
            switch result {
            case .success: return .parsedWithoutJSON
            case .failure: return .refusedWithoutJSON
            }
        }
        let tree: YAMLTree
        switch result {
        case .success(let value): tree = value
        case .failure(let error): return .failed("refused: \(error.code) \(error)")
        }
        let expected: Plain
        do {
            expected = try YAMLParser.parse(json, format: .json, options: options).plain()
        } catch {
            return .failed("in.json does not parse: \(error)")
        }
        let actual = tree.plain()
        return actual == expected ? .dataMatches : .failed("got \(actual), expected \(expected)")
    }

    /// The suite lives in the shared data folder beside the checkout; without it the test is skipped.
    static let present = FileManager.default.fileExists(atPath: folder.path)

    @Test(.enabled(if: present, "yaml-test-suite not found in shared/conformance beside the package"))
    func conformance() throws {
        let cases = Self.cases()
        try #require(cases.count > 300, "found only \(cases.count) cases")
        var counts: [String: Int] = [:]
        var unexpected: [String] = []
        var stale: [String] = []
        for test in cases {
            let outcome = Self.run(test)
            switch outcome {
            case .failed(let why):
                counts["exception", default: 0] += 1
                if Self.exceptions[test.name] == nil { unexpected.append("\(test.name): \(why)") }
            default:
                counts["\(outcome)", default: 0] += 1
                if Self.exceptions[test.name] != nil { stale.append(test.name) }
            }
        }
        print("yaml-test-suite: \(cases.count) cases, \(counts.sorted { $0.key < $1.key })")
        let list = unexpected.joined(separator: "\n")
        #expect(unexpected.isEmpty, "cases that fail and are not listed as exceptions:\n\(list)")
        #expect(stale.isEmpty, "cases listed as exceptions that now pass; remove them: \(stale)")
        #expect(counts["dataMatches", default: 0] >= Self.minimumDataMatches)
        #expect(counts["errorCaught", default: 0] >= Self.minimumErrorsCaught)
    }
}
