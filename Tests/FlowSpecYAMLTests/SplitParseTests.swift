@testable import FlowSpecYAML
import Foundation
import Testing

/// A large file may be read in two halves on two threads (``SplitPoint``, ``TailParse``): the tree,
/// down to every node's number, text range and marks, and the problems in their order, must be what
/// one parser gives, and a file that cannot be split safely must be read whole.
@Suite struct SplitParseTests {
    /// Everything the tree holds, in order: records (flags, ranges, offsets), text, children, exact
    /// marks, root and problems.
    static func raw(_ tree: YAMLTree) -> [String] {
        var lines = ["root \(tree.root.index) nodes \(tree.count)"]
        for record in tree.records {
            lines.append("\(record.flags) \(record.first) \(record.count) \(record.startOffset) \(record.endOffset)")
        }
        lines.append("text \(tree.text.count) \(tree.text.hashValue)")
        lines.append("children " + tree.children.map { String($0.index) }.joined(separator: ","))
        for entry in tree.storage.exactMarks {
            lines.append("exact \(entry.node) \(entry.start.mark) \(entry.end.mark)")
        }
        for problem in tree.problems { lines.append("problem \(problem) \(problem.relatedMark.map { "\($0)" } ?? "")") }
        return lines
    }

    static func parse(_ bytes: [UInt8], split: Bool, options: YAMLParseOptions = .default) -> Result<YAMLTree, YAMLError> {
        bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(YAMLError) in
                try YAMLParser.parseYAML(buffer, sourceArray: bytes, options: options, pipelined: false, split: split)
            }
        }
    }

    /// The tree read in two halves, or `nil` when the file has no cut or the halves refused.
    static func splitTree(_ bytes: [UInt8], options: YAMLParseOptions = .default) -> YAMLTree? {
        bytes.withUnsafeBufferPointer { buffer in
            let lines = LineTable(source: bytes)
            let offsets = CharacterOffsets(buffer, lines: lines)
            guard !offsets.hasUnusualBreaks, let cut = SplitPoint.find(in: buffer, lines: lines) else { return nil }
            return YAMLParser.parseSplit(
                buffer, sourceArray: bytes, options: options, lines: lines, offsets: offsets, at: cut)
        }
    }

    static func dump(_ result: Result<YAMLTree, YAMLError>) -> [String] {
        switch result {
        case .success(let tree): return raw(tree) + EventPipeTests.dump(result)
        case .failure(let error): return ["error \(error) \(error.code)"]
        }
    }

    /// Requires the split to happen and to give the one-parser tree.
    func expectSplitSame(_ text: String, options: YAMLParseOptions = .default, sourceLocation: SourceLocation = #_sourceLocation) {
        var exact = options
        exact.keepsExactMarks = true
        for options in [options, exact] {
            let bytes = Array(text.utf8)
            let whole = Self.dump(Self.parse(bytes, split: false, options: options))
            guard let tree = Self.splitTree(bytes, options: options) else {
                Issue.record("expected a split", sourceLocation: sourceLocation)
                return
            }
            #expect(Self.dump(.success(tree)) == whole, sourceLocation: sourceLocation)
            #expect(Self.dump(Self.parse(bytes, split: true, options: options)) == whole, sourceLocation: sourceLocation)
        }
    }

    /// Requires the file to be read whole (no cut, or the halves refuse) with the one-parser result.
    func expectNoSplit(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        #expect(Self.splitTree(bytes) == nil, sourceLocation: sourceLocation)
        #expect(
            Self.dump(Self.parse(bytes, split: true)) == Self.dump(Self.parse(bytes, split: false)),
            sourceLocation: sourceLocation)
    }

    static let head = "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n"
    static let middle = "paths:\n  /a:\n    get: {operationId: a}\n  /b:\n    get:\n      summary: b\n"
    static let tail = "components:\n  schemas:\n    S: {type: string}\n    T:\n      type: object\n"

    @Test func specGivesTheSameTree() {
        // Two halves of the size of a spec's paths and components, with quoted, block and flow values
        // and anchors (no aliases).
        let spec = EventPipeTests.document(operations: 40).replacingOccurrences(of: "*ex", with: "ex")
        let entries = spec[spec.range(of: "paths:\n")!.upperBound...]
        expectSplitSame(spec + "webhooks:\n" + entries + Self.tail)
        expectSplitSame(Self.head + Self.middle + Self.tail)
    }

    @Test func whatEndsTheHeadGivesTheSameMarks() {
        // Each value is the last thing before the cut, whose marks the head computes at its end.
        for last in [
            "x: |+\n  keep\n\n\n", "x: >-\n  folded\n  text\n\n", "x: |\n  literal\n", "x:\n", "x: ~\n",
            "x:\n- a\n- b\n", "x:\n  - [a, b]\n  - {c: d}\n", "x: plain\n  continued\n", "x: 'quoted\n  on two lines'\n",
            "x: 1 # comment\n# comment\n\n", "x:\n  y:\n    z: w\n   \n", "x: \"é\"\n", "x: a\r\n",
        ] {
            expectSplitSame(Self.head + Self.middle + last + Self.tail + "zz: 1\n")
        }
    }

    @Test func documentStartAndNonASCII() {
        expectSplitSame("---\n" + Self.head + "clé: välue 😀\n" + Self.middle + Self.tail)
        expectSplitSame(Self.head.replacingOccurrences(of: "\n", with: "\r\n") + Self.middle + Self.tail)
    }

    @Test func rootDuplicatesAndMergesAcrossTheCut() {
        // The root is closed once, over both halves' entries: the first `info` wins, in order.
        expectSplitSame(Self.head + Self.middle + Self.tail + "info: again\npaths: {}\n")
        expectSplitSame(Self.head + Self.middle + "<<: {m: 1, openapi: x}\n" + Self.tail)
        // Duplicates inside each half keep their order.
        expectSplitSame(Self.head + "d: {k: 1, k: 2}\n" + Self.middle + Self.tail + "e: {k: 1, k: 2}\n")
    }

    @Test func anchorsWithinAHalfAndAliasesAcrossIt() {
        // An anchor is fine; an alias makes the halves refuse (it could name the other half's anchor).
        expectSplitSame(Self.head + "a: &x {k: v}\n" + Self.middle + Self.tail)
        expectNoSplit(Self.head + "a: &x {k: v}\n" + Self.middle + Self.tail + "b: *x\n")
        expectNoSplit(Self.head + Self.middle + "b: &y [1]\n" + Self.tail + "c: *y\n")
    }

    @Test func unsafeFilesAreReadWhole() {
        let body = Self.middle + Self.tail
        expectNoSplit("%YAML 1.2\n---\n" + Self.head + body)
        expectNoSplit(Self.head + body + "...\n")
        expectNoSplit(Self.head + Self.middle + "---\n" + Self.tail)
        expectNoSplit("\u{FEFF}" + Self.head + body)
        expectNoSplit("  " + Self.head.replacingOccurrences(of: "\n", with: "\n  ") + "x: 1\n")
        expectNoSplit("- " + Self.head + body)
        // A cut inside a flow collection or a quoted scalar: the head does not end cleanly.
        expectNoSplit("a: [1,\n" + Self.head + Self.middle + "b: 2]\nc: 3\n")
        expectNoSplit("a: \"one\n" + Self.head + Self.middle + "b: 2\"\nc: 3\n")
        // Lopsided: the only cuts leave too little on one side.
        expectNoSplit(Self.head + "x:\n" + String(repeating: "  k: v\n", count: 200) + "y: 1\n")
        // Errors are the one-parser errors.
        expectNoSplit(Self.head + Self.middle + "bad: [\n" + Self.tail)
        expectNoSplit(Self.head + Self.middle + Self.tail + "u: !!python/object x\n")
    }

    @Test func budgetsCountBothHalves() {
        // Each half has fewer nodes than the budget, the whole more: the error is the whole file's.
        var options = YAMLParseOptions()
        let text = Self.head + Self.middle + Self.tail
        let nodes = (try? Self.parse(Array(text.utf8), split: false).get())?.count ?? 0
        options.maxExpandedNodes = nodes - 2
        let bytes = Array(text.utf8)
        let whole = Self.dump(Self.parse(bytes, split: false, options: options))
        #expect(whole.first?.contains("yaml_alias_budget_exceeded") == true)
        #expect(Self.splitTree(bytes, options: options) == nil)
        #expect(Self.dump(Self.parse(bytes, split: true, options: options)) == whole)
    }

    /// Every YAML file of the shared corpus, when `../shared` is present: a file that splits gives the
    /// one-parser tree, and most large ones split.
    @Test func corpusFilesGiveTheSameTree() throws {
        let corpus = sharedFolder.appendingPathComponent("corpus")
        guard let enumerator = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil) else {
            print("SplitParseTests: \(corpus.path) is absent; corpus skipped")
            return
        }
        var files = 0
        var splits = 0
        for case let url as URL in enumerator where ["yml", "yaml"].contains(url.pathExtension) {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let bytes = Array(data)
            files += 1
            guard let tree = Self.splitTree(bytes) else { continue }
            splits += 1
            let whole = Self.dump(Self.parse(bytes, split: false))
            if Self.dump(.success(tree)) != whole { Issue.record("\(url.path): the split tree differs") }
        }
        print("SplitParseTests: \(splits) of \(files) corpus files split")
        #expect(files < 100 || splits > files / 4)
    }
}
