public import FlowSpecModel

/// Compiled schemas: an immutable table of nodes that validators index into.
///
/// Made by ``SchemaCompiler``; one program holds every schema compiled by one compiler, sharing the
/// nodes of schemas they have in common (a `$ref`ed component is compiled once, however many
/// schemas use it). `Sendable` and immutable: any number of threads validate with it at once.
public struct SchemaProgram: Sendable {
    var nodes: [CompiledNode] = []
    /// The runtime form of ``nodes`` and their ops, filled by ``SchemaCompiler/finish()``.
    var info: [NodeInfo] = []
    var ops: [Op] = []
    var values: [JSONValue] = []
    var enums: [EnumTable] = []
    var numbers: [JSONNumber] = []
    var requireds: [RequiredList] = []
    var dependentRequireds: [[DependentRequired]] = []
    var members: [MemberApplicator] = []
    var dependentSchemas: [[(name: [UInt8], node: Int32)]] = []
    var items: [ItemsApplicator] = []
    var lists: [[Int32]] = []
    var discriminators: [DiscriminatorApplicator] = []
    var messages: [String] = []
    var sites: [KeywordSite] = []
    var patterns: [PatternMatcher] = []
    var patternTexts: [String] = []
    var resources: [CompiledResource] = []
    var sources: [SchemaSource] = []
    var usesDynamicScope = false
    /// What validations read; made by ``SchemaCompiler/finish()``.
    var runtime: ProgramRuntime? = nil

    /// Problems found while compiling (an unresolvable `$ref`, an invalid `pattern`, a keyword with
    /// a value of the wrong type), each at the keyword's place in its file. Compilation goes on past
    /// them: a broken `$ref` fails every instance that reaches it, an invalid keyword is ignored.
    public internal(set) var diagnostics: [Diagnostic] = []

    /// Appends `element` to a table and returns its index.
    static func add<T>(_ element: T, to table: inout [T]) -> Int32 {
        table.append(element)
        return Int32(table.count - 1)
    }

    /// Lays every node's ops out in one array and keeps only plain numbers per node.
    mutating func flatten() {
        info.removeAll(keepingCapacity: true)
        ops.removeAll(keepingCapacity: true)
        for node in nodes {
            info.append(
                NodeInfo(
                    opStart: Int32(ops.count), opCount: Int32(node.ops.count), resource: node.resource, site: node.site,
                    tracksUnevaluated: node.tracksUnevaluated, isFalse: node.isFalse))
            ops.append(contentsOf: node.ops)
        }
    }

    /// The validator for a schema this program compiled.
    public func validator(_ handle: SchemaHandle) -> SchemaValidator {
        SchemaValidator(runtime: runtime ?? ProgramRuntime(self), diagnostics: diagnostics, entry: handle.index)
    }

    /// The number of compiled schema nodes.
    public var nodeCount: Int { info.count }
}

/// A schema compiled into a ``SchemaProgram``.
public struct SchemaHandle: Hashable, Sendable {
    let index: Int32
}
