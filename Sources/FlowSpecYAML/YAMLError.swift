/// A problem found while reading a YAML or JSON file, with the place it was found.
///
/// A struct over an internal enum of kinds, so new kinds can be added without breaking callers; the
/// stable ``code`` is what tools and tests match on.
public struct YAMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of problem the YAML layer reports.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// libyaml (or the JSON reader) could not parse the text.
        case syntax = "yaml_syntax"
        /// The bytes are not valid UTF-8.
        case invalidUTF8 = "yaml_invalid_utf8"
        /// A mapping has the same key twice.
        case duplicateKey = "yaml_duplicate_key"
        /// A tag outside YAML's JSON schema, such as `!!python/object` or `!include`.
        case unsupportedTag = "yaml_unsupported_tag"
        /// More than one document in the stream.
        case multipleDocuments = "yaml_multiple_documents"
        /// The file holds no document: it is empty or only comments.
        case emptyDocument = "yaml_empty_document"
        /// The root is not a mapping.
        case rootNotMapping = "yaml_root_not_mapping"
        /// A mapping key is itself a mapping or a sequence.
        case complexKey = "yaml_complex_key"
        /// An alias names an anchor that was not defined before it.
        case unknownAnchor = "yaml_unknown_anchor"
        /// A `<<` merge key whose value is not a mapping or a list of mappings.
        case invalidMerge = "yaml_invalid_merge"
        /// The input is larger than ``YAMLParseOptions/maxInputBytes``.
        case inputTooLarge = "yaml_input_too_large"
        /// Nesting is deeper than ``YAMLParseOptions/maxDepth``.
        case depthExceeded = "yaml_depth_exceeded"
        /// More aliases than ``YAMLParseOptions/maxAliases``, or expansion past
        /// ``YAMLParseOptions/maxExpandedNodes``.
        case aliasBudgetExceeded = "yaml_alias_budget_exceeded"
    }

    public var kind: Kind
    /// What went wrong, in a sentence.
    public var message: String
    /// Where it went wrong.
    public var mark: YAMLMark
    /// A second place the message refers to, such as the first occurrence of a duplicate key.
    public var relatedMark: YAMLMark?
    /// How to fix it, when there is a clear fix.
    public var hint: String?

    public init(_ kind: Kind, _ message: String, at mark: YAMLMark, related: YAMLMark? = nil, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.mark = mark
        self.relatedMark = related
        self.hint = hint
    }

    /// The stable code of ``kind``, such as `yaml_duplicate_key`.
    public var code: String { kind.rawValue }

    public var description: String { "\(mark.line):\(mark.column): \(message)" }
}
