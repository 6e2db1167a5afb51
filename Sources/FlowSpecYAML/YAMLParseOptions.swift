/// Budgets and switches for ``YAMLParser``.
///
/// Every budget turns a hostile input into a ``YAMLError`` before it can cost unbounded time or
/// memory. The defaults fit the largest real-world API descriptions (the 8 MB Stripe spec uses a
/// nesting depth of about 30 and no aliases) with a wide margin.
public struct YAMLParseOptions: Sendable, Hashable {
    /// Largest input accepted, in bytes. Default 128 MiB.
    public var maxInputBytes: Int
    /// Deepest nesting of mappings and sequences. Default 512.
    ///
    /// Debian's libyaml 0.2.5 has no limit of its own and slows down quadratically on deep flow
    /// collections, so the parser enforces this as events arrive.
    public var maxDepth: Int
    /// Most alias nodes (`*name`) in one file. Default 10,000.
    public var maxAliases: Int
    /// Most nodes that the file would have if every alias were expanded. Default 2,000,000.
    ///
    /// Aliases stay shared in the tree, but every consumer that walks it (JSON export, schema
    /// compilation, linting) would pay for the expanded size; an alias bomb ("billion laughs") is
    /// therefore refused while parsing, as soon as the expanded size passes this budget.
    public var maxExpandedNodes: Int
    /// Whether the root must be a mapping, as an OpenAPI document's is. Default `true`.
    public var requireMappingRoot: Bool
    /// Whether `<<` merge keys are applied (shallow; keys written in the mapping win). Default `true`.
    ///
    /// When `false`, a `<<` key is an ordinary key named `<<`.
    public var mergeKeys: Bool
    /// Whether every node keeps its marks whole instead of computing them from its offsets (tests
    /// compare the two).
    var keepsExactMarks = false

    public init(
        maxInputBytes: Int = 128 << 20,
        maxDepth: Int = 512,
        maxAliases: Int = 10_000,
        maxExpandedNodes: Int = 2_000_000,
        requireMappingRoot: Bool = true,
        mergeKeys: Bool = true
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxExpandedNodes = maxExpandedNodes
        self.requireMappingRoot = requireMappingRoot
        self.mergeKeys = mergeKeys
    }

    /// The defaults, documented on each property.
    public static let `default` = YAMLParseOptions()
}
