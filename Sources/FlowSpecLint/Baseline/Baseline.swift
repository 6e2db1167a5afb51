public import FlowSpecModel
import FlowSpecYAML

/// The findings a project has accepted for now, so that `flowspec lint --baseline FILE` reports only
/// new ones.
///
/// `--write-baseline FILE` stores the current findings by ``FindingIdentity`` (rule, file, JSON pointer
/// and a hash of the message with numbers blanked; never line numbers), so that edits elsewhere in
/// the file do not turn known findings into new ones. The file is JSON, sorted and stable, so it
/// diffs well in review.
///
/// The baseline is a multiset: if it holds two findings of one identity and the spec now has three,
/// one of the three is new (the one latest in the file).
///
/// ```swift
/// let baseline = Baseline(diagnostics: findings)
/// try write(baseline.encoded(), to: path)
/// let (new, known) = try Baseline(decoding: bytes).filter(laterFindings)
/// ```
public struct Baseline: Hashable, Sendable {
    /// The version of the file format this type writes and reads.
    public static let formatVersion = 1

    /// One identity and how many findings have it.
    public struct Entry: Hashable, Sendable {
        public var identity: FindingIdentity
        public var count: Int
        /// One of the findings' messages, shortened, for people reading the file; not used to match.
        public var message: String

        public init(identity: FindingIdentity, count: Int, message: String) {
            self.identity = identity
            self.count = count
            self.message = message
        }
    }

    /// The entries, sorted by file, rule, pointer and message hash, one per identity.
    public private(set) var entries: [Entry]

    /// A baseline of `diagnostics`; `defaultFile` stands in for the file of a finding without a location.
    public init(diagnostics: some Sequence<Diagnostic>, defaultFile: String = "") {
        var counts: [FindingIdentity: (count: Int, message: String)] = [:]
        for diagnostic in diagnostics {
            let identity = FindingIdentity(diagnostic, defaultFile: defaultFile)
            let message = TerminalText.shortened(diagnostic.message, limit: 200)
            if let existing = counts[identity] {
                counts[identity] = (existing.count + 1, min(existing.message, message))
            } else {
                counts[identity] = (1, message)
            }
        }
        entries = counts.map { Entry(identity: $0.key, count: $0.value.count, message: $0.value.message) }
            .sorted { $0.identity < $1.identity }
    }

    /// A baseline of every finding in `files`, each file's path standing in for findings without a location.
    public init(files: [FileResult]) {
        var all: [Entry] = []
        for file in files { all += Baseline(diagnostics: file.diagnostics, defaultFile: file.path).entries }
        self.init(merging: all)
    }

    /// A baseline of `entries`, merging repeated identities.
    public init(entries: [Entry]) { self.init(merging: entries) }

    private init(merging list: [Entry]) {
        var merged: [FindingIdentity: Entry] = [:]
        for entry in list {
            if var existing = merged[entry.identity] {
                existing.count += entry.count
                existing.message = min(existing.message, entry.message)
                merged[entry.identity] = existing
            } else {
                merged[entry.identity] = entry
            }
        }
        entries = merged.values.sorted { $0.identity < $1.identity }
    }

    /// The number of findings the baseline holds (counting repeats).
    public var count: Int { entries.reduce(0) { $0 + $1.count } }

    /// How many findings of `identity` the baseline holds.
    public func count(of identity: FindingIdentity) -> Int {
        entries.first { $0.identity == identity }?.count ?? 0
    }

    /// The baseline file's bytes: pretty JSON with a trailing newline, the same for the same findings.
    public func encoded() -> [UInt8] {
        let findings = entries.map { entry in
            JSONOutput.object([
                ("rule", .string(entry.identity.rule)), ("file", .string(entry.identity.file)),
                ("pointer", .string(entry.identity.pointer)), ("messageHash", .string(entry.identity.messageHash)),
                ("count", .int(entry.count)), ("message", .string(entry.message)),
            ])
        }
        let document = JSONOutput.object([
            ("version", .int(Self.formatVersion)), ("tool", .string("flowspec")), ("findings", .array(findings)),
        ])
        return Array((document.serialized(pretty: true) + "\n").utf8)
    }

    /// Reads a baseline file written by ``encoded()``.
    ///
    /// Unknown keys are ignored, so a newer flowspec's baseline can still be read where the format
    /// only grew. - Parameter path: the file's path, for error locations.
    public init(decoding bytes: [UInt8], path: String = "baseline.json") throws(BaselineError) {
        let tree: YAMLTree
        do {
            tree = try YAMLParser.parse(bytes, format: .json)
        } catch {
            let problem =
                error.kind == .rootNotMapping
                ? "the baseline must be a JSON object" : "the baseline is not valid JSON: \(error.message)"
            throw BaselineError(
                problem,
                at: SourceLocation(file: path, start: error.mark), hint: "write it again with --write-baseline")
        }
        func location(_ node: NodeID) -> SourceLocation {
            SourceLocation(file: path, start: tree.start(node), end: tree.end(node))
        }
        let root = tree.root
        guard let version = tree.value(forKey: "version", in: root) else {
            throw BaselineError(
                "the baseline has no `version`", at: location(root), hint: "write it again with --write-baseline")
        }
        guard tree.scalarType(version) == .int, tree.scalar(version) == String(Self.formatVersion) else {
            throw BaselineError(
                "the baseline's version is \(tree.scalar(version) ?? "not a number"); this flowspec reads version \(Self.formatVersion)",
                at: location(version), hint: "write it again with --write-baseline")
        }
        guard let findings = tree.value(forKey: "findings", in: root), tree.isSequence(findings) else {
            throw BaselineError("the baseline has no `findings` list", at: location(root), hint: nil)
        }
        var list: [Entry] = []
        for item in tree.items(findings) {
            guard tree.isMapping(item) else {
                throw BaselineError("a finding in the baseline is not an object", at: location(item), hint: nil)
            }
            func string(_ key: String) throws(BaselineError) -> String {
                guard let node = tree.value(forKey: key, in: item), tree.isScalar(node),
                    tree.scalarType(node) == .string,
                    let text = tree.scalar(node)
                else {
                    throw BaselineError(
                        "a finding in the baseline has no string `\(key)`", at: location(item), hint: nil)
                }
                return text
            }
            var count = 1
            if let node = tree.value(forKey: "count", in: item) {
                guard tree.scalarType(node) == .int, let value = tree.scalar(node).flatMap({ Int($0) }), value >= 1
                else {
                    throw BaselineError("`count` must be a whole number of at least 1", at: location(node), hint: nil)
                }
                count = value
            }
            var message = ""
            if let node = tree.value(forKey: "message", in: item), tree.scalarType(node) == .string {
                message = tree.scalar(node) ?? ""
            }
            let identity = FindingIdentity(
                rule: try string("rule"), file: try string("file"), pointer: try string("pointer"),
                messageHash: try string("messageHash"))
            list.append(Entry(identity: identity, count: count, message: message))
        }
        self.init(merging: list)
    }

    /// Splits `diagnostics` into those the baseline does not know (`new`) and those it does (`known`),
    /// each in the order given.
    ///
    /// For an identity the baseline holds `n` times, the first `n` findings by position in the file are
    /// known and any more are new. `defaultFile` stands in for the file of a finding without a location.
    public func filter(_ diagnostics: [Diagnostic], defaultFile: String = "") -> (
        new: [Diagnostic], known: [Diagnostic]
    ) {
        var remaining: [FindingIdentity: Int] = [:]
        for entry in entries { remaining[entry.identity] = entry.count }
        let identities = diagnostics.map { FindingIdentity($0, defaultFile: defaultFile) }
        let order = diagnostics.indices.sorted { a, b in
            let l = diagnostics[a].location
            let r = diagnostics[b].location
            let lKey = (l?.line ?? 0, l?.column ?? 0)
            let rKey = (r?.line ?? 0, r?.column ?? 0)
            return lKey != rKey ? lKey < rKey : a < b
        }
        var isKnown = [Bool](repeating: false, count: diagnostics.count)
        for index in order {
            let identity = identities[index]
            if let left = remaining[identity], left > 0 {
                remaining[identity] = left - 1
                isKnown[index] = true
            }
        }
        var new: [Diagnostic] = []
        var known: [Diagnostic] = []
        for (index, diagnostic) in diagnostics.enumerated() {
            if isKnown[index] { known.append(diagnostic) } else { new.append(diagnostic) }
        }
        return (new, known)
    }
}
