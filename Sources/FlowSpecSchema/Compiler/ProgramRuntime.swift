/// The immutable tables a validation reads, behind one reference so that starting a validation
/// retains one object instead of two dozen arrays.
final class ProgramRuntime: Sendable {
    let info: [NodeInfo]
    let ops: [Op]
    let values: [JSONValue]
    let enums: [EnumTable]
    /// Each enum table's error message, worded once (quoting every value costs far more than the
    /// check that reports it).
    let enumMessages: [String]
    let numbers: [JSONNumber]
    let requireds: [RequiredList]
    let dependentRequireds: [[DependentRequired]]
    let members: [MemberApplicator]
    let dependentSchemas: [[(name: [UInt8], node: Int32)]]
    let items: [ItemsApplicator]
    let lists: [[Int32]]
    let discriminators: [DiscriminatorApplicator]
    let messages: [String]
    let patterns: [PatternMatcher]
    let patternTexts: [String]
    /// Each pattern's error message, worded once, as ``enumMessages``.
    let patternMessages: [String]
    let sites: [KeywordSite]
    let sources: [SchemaSource]
    let resources: [CompiledResource]
    let usesDynamicScope: Bool
    /// The tables and flattened plans of the one-pass check (``StreamingCheck``).
    let streaming: StreamingTables
    /// More in-place steps than this without consuming instance switch on exact loop detection.
    let loopCheckThreshold = 16

    init(_ p: SchemaProgram) {
        info = p.info
        ops = p.ops
        values = p.values
        enums = p.enums
        enumMessages = p.enums.map { Messages.enumeration($0.values) }
        numbers = p.numbers
        requireds = p.requireds
        dependentRequireds = p.dependentRequireds
        members = p.members
        dependentSchemas = p.dependentSchemas
        items = p.items
        lists = p.lists
        discriminators = p.discriminators
        messages = p.messages
        patterns = p.patterns
        patternTexts = p.patternTexts
        patternMessages = p.patternTexts.map { "must match the pattern `\($0)`" }
        sites = p.sites
        sources = p.sources
        resources = p.resources
        usesDynamicScope = p.usesDynamicScope
        streaming = StreamingTables(
            info: p.info, ops: p.ops, lists: p.lists, members: p.members, items: p.items, requireds: p.requireds,
            enums: p.enums)
    }
}
