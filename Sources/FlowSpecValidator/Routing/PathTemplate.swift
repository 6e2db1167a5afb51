/// An OpenAPI path template such as `/{envID}/flows/{flowID}` (OpenAPI 3.1 §4.8.8, "Paths Object").
///
/// A template is a list of segments separated by `/`. A segment is a literal (`flows`), one variable
/// (`{flowID}`), or literals and variables mixed (`{name}.{ext}`, `{id}:archive`). When a request is
/// routed, a variable matches one whole, non-empty segment or, in a mixed segment, the non-empty text
/// between its neighbouring literals; it never spans a `/`.
///
/// ```swift
/// let template = try PathTemplate(parsing: "/{envID}/flows/{flowID}")
/// template.variableNames      // ["envID", "flowID"]
/// template.segments.count     // 3
/// ```
///
/// Parsing rejects what no router can match reliably, with the offset of the problem: a template that
/// does not start with `/`, unbalanced braces, an empty or repeated variable name, two variables with
/// no literal between them (`{a}{b}`), and a query string or fragment (`?`, `#`).
public struct PathTemplate: Sendable, Hashable, CustomStringConvertible {
    /// The template as written in the spec.
    public let text: String
    /// The segments after the leading `/`, in order; `/` alone has one empty literal segment.
    public let segments: [Segment]

    /// Parses an OpenAPI path template.
    public init(parsing text: String) throws(PathTemplateError) {
        self.text = text
        self.segments = try Self.parseSegments(text)
    }

    /// A template from already parsed segments (`text` is how it is displayed).
    init(text: String, segments: [Segment]) {
        self.text = text
        self.segments = segments
    }

    /// A template with no segments: the empty base path of a server URL without a path.
    static var empty: PathTemplate { PathTemplate(text: "", segments: []) }

    /// The variable names, in the order they appear.
    public var variableNames: [String] {
        segments.flatMap { segment in
            segment.parts.compactMap { part -> String? in
                if case .variable(let name) = part { return name }
                return nil
            }
        }
    }

    /// The number of segments that are all literal.
    public var literalSegmentCount: Int { segments.count { $0.isLiteral } }

    public var description: String { text }

    static func parseSegments(_ text: String) throws(PathTemplateError) -> [Segment] {
        let bytes = Array(text.utf8)
        func fail(_ kind: PathTemplateError.Kind, _ offset: Int) -> PathTemplateError {
            PathTemplateError(template: text, offset: offset, kind: kind)
        }
        guard let first = bytes.first else { throw fail(.empty, 0) }
        guard first == UInt8(ascii: "/") else { throw fail(.missingLeadingSlash, 0) }

        var segments: [Segment] = []
        var parts: [Part] = []
        var literal: [UInt8] = []
        var names: Set<String> = []
        var position = 1

        func flushLiteral() {
            if !literal.isEmpty {
                parts.append(.literal(String(decoding: literal, as: UTF8.self)))
                literal.removeAll(keepingCapacity: true)
            }
        }

        while position <= bytes.count {
            if position == bytes.count || bytes[position] == UInt8(ascii: "/") {
                flushLiteral()
                segments.append(Segment(parts: parts.isEmpty ? [.literal("")] : parts))
                parts.removeAll(keepingCapacity: true)
                position += 1
                continue
            }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"):
                let open = position
                var close = position + 1
                while close < bytes.count, bytes[close] != UInt8(ascii: "}") {
                    if bytes[close] == UInt8(ascii: "{") { throw fail(.nestedBrace, close) }
                    if bytes[close] == UInt8(ascii: "/") { throw fail(.unterminatedVariable, open) }
                    close += 1
                }
                guard close < bytes.count else { throw fail(.unterminatedVariable, open) }
                let name = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
                if name.isEmpty { throw fail(.emptyVariableName, open) }
                if literal.isEmpty, case .variable(let previous) = parts.last {
                    throw fail(.adjacentVariables(first: previous, second: name), open)
                }
                if !names.insert(name).inserted { throw fail(.duplicateVariable(name: name), open) }
                flushLiteral()
                parts.append(.variable(name))
                position = close + 1
            case UInt8(ascii: "}"):
                throw fail(.unmatchedClosingBrace, position)
            case UInt8(ascii: "?"), UInt8(ascii: "#"):
                throw fail(.queryOrFragment, position)
            default:
                literal.append(byte)
                position += 1
            }
        }
        return segments
    }
}

extension PathTemplate {
    /// One `/`-separated piece of a template.
    public struct Segment: Sendable, Hashable, CustomStringConvertible {
        /// Literals and variables in order; never two variables in a row, never empty (an empty segment is
        /// one empty literal).
        public let parts: [Part]

        public init(parts: [Part]) { self.parts = parts }

        /// Whether the segment has no variable.
        public var isLiteral: Bool {
            parts.allSatisfy {
                if case .literal = $0 { return true }
                return false
            }
        }

        /// Whether the segment is exactly one variable.
        public var isVariable: Bool {
            if parts.count == 1, case .variable = parts[0] { return true }
            return false
        }

        public var description: String { parts.map(\.description).joined() }
    }

    /// A literal piece of a segment, or a variable.
    public enum Part: Sendable, Hashable, CustomStringConvertible {
        /// Literal text, as written in the template (percent-escapes are decoded when matching).
        case literal(String)
        /// A variable, by name.
        case variable(String)

        public var description: String {
            switch self {
            case .literal(let text): return text
            case .variable(let name): return "{\(name)}"
            }
        }
    }
}
