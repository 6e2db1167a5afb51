/// A file pattern in a configuration's `overrides[].files`, matched against a path relative to the
/// configuration file's folder.
///
/// - `*` matches any characters within one path segment (not `/`);
/// - `?` matches one character that is not `/`;
/// - `**` as a whole segment matches zero or more segments (`specs/**/*.yaml`, `**/internal.yaml`);
/// - a pattern ending in `/` matches everything below that folder;
/// - everything else, dot files included, matches itself.
///
/// The whole relative path must match: `*.yaml` matches `api.yaml` but not `specs/api.yaml`.
/// Matching is linear in the pattern times the path (no exponential backtracking).
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let segments: [Segment]

    private enum Segment: Hashable, Sendable {
        case anyDepth
        case pattern([Unicode.Scalar])
    }

    /// Why a pattern was refused.
    public struct Error: Swift.Error, Hashable, Sendable {
        public var message: String

        public init(message: String) { self.message = message }
    }

    /// Compiles `pattern`; throws for an empty or absolute pattern or one with a `..` segment, which
    /// could never match a path inside the configuration's folder.
    public init(_ pattern: String) throws(Glob.Error) {
        self.pattern = pattern
        var text = Substring(pattern)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        if text.isEmpty { throw Error(message: "the pattern is empty") }
        if text.hasPrefix("/") {
            throw Error(
                message:
                    "the pattern `\(pattern)` is absolute; patterns are relative to the configuration file's folder")
        }
        if text.hasSuffix("/") { text += "**" }
        var segments: [Segment] = []
        for part in text.split(separator: "/") {
            if part == ".." {
                throw Error(
                    message:
                        "the pattern `\(pattern)` has a `..` segment; only files below the configuration's folder match"
                )
            }
            if part == "." { continue }
            if part == "**" {
                if segments.last != .anyDepth { segments.append(.anyDepth) }
                continue
            }
            var scalars: [Unicode.Scalar] = []
            for scalar in part.unicodeScalars where !(scalar == "*" && scalars.last == "*") { scalars.append(scalar) }
            segments.append(.pattern(scalars))
        }
        self.segments = segments
    }

    /// Whether `path` (relative, with `/` separators; a leading `./` is ignored) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/").filter { $0 != "." }.map { Array($0.unicodeScalars) }
        // matched[j]: whether the segments processed so far match the first j path segments.
        var matched = [Bool](repeating: false, count: parts.count + 1)
        matched[0] = true
        for segment in segments {
            var next = [Bool](repeating: false, count: parts.count + 1)
            switch segment {
            case .anyDepth:
                var reachable = false
                for j in 0...parts.count {
                    reachable = reachable || matched[j]
                    next[j] = reachable
                }
            case .pattern(let scalars):
                for j in 0..<parts.count where matched[j] && Self.matchSegment(scalars, parts[j]) { next[j + 1] = true }
            }
            matched = next
        }
        return matched[parts.count]
    }

    /// `*` and `?` wildcard matching within one segment, by the classic two-pointer method with one
    /// backtrack point (linear in practice, quadratic at worst).
    private static func matchSegment(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var p = 0
        var t = 0
        var star: Int?
        var starText = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || (pattern[p] != "*" && pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                starText = t
                p += 1
            } else if let star {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    public var description: String { pattern }
}
