public import FlowSpecModel

/// Compiled schemas: an immutable table of nodes that validators index into.
///
/// Made by ``SchemaCompiler``; one program holds every schema compiled by one compiler, sharing the
/// nodes of schemas they have in common (a `$ref`ed component is compiled once, however many
/// schemas use it). `Sendable` and immutable: any number of threads validate with it at once.
public struct SchemaProgram: Sendable {
    var nodes: [CompiledNode] = []
    var sites: [KeywordSite] = []
    var patterns: [PatternMatcher] = []
    var patternTexts: [String] = []
    var resources: [CompiledResource] = []
    var sources: [SchemaSource] = []
    var usesDynamicScope = false

    /// Problems found while compiling (an unresolvable `$ref`, an invalid `pattern`, a keyword with
    /// a value of the wrong type), each at the keyword's place in its file. Compilation goes on past
    /// them: a broken `$ref` fails every instance that reaches it, an invalid keyword is ignored.
    public internal(set) var diagnostics: [Diagnostic] = []

    /// The validator for a schema this program compiled.
    public func validator(_ handle: SchemaHandle) -> SchemaValidator {
        SchemaValidator(program: self, entry: handle.index)
    }

    /// The number of compiled schema nodes.
    public var nodeCount: Int { nodes.count }
}

/// A schema compiled into a ``SchemaProgram``.
public struct SchemaHandle: Hashable, Sendable {
    let index: Int32
}
