internal import FlowSpecModel
internal import FlowSpecYAML

/// Runs a ``SchemaProgram`` on one instance.
///
/// Two modes: without `collect` it answers valid or not and stops at the first failure (no paths,
/// no messages, no allocation for valid instances); with `collect` it records every error with its
/// instance pointer. ``SchemaValidator`` runs the fast mode first and the collecting one only for
/// invalid instances.
struct Evaluator {
    enum PathToken {
        case key(String)
        case index(Int)
    }

    let program: SchemaProgram
    let options: ValidationOptions
    var collect: Bool
    var errors: [SchemaValidationError] = []
    var truncated = false
    var path: [PathToken] = []
    /// The dynamic scope: resources entered, outermost first (only when the program uses it).
    var scope: [Int32] = []
    /// `$ref` targets entered since the instance location last changed, to stop reference loops
    /// that consume no instance.
    var refStack: [Int32] = []
    var refBase = 0
    var depth = 0

    init(program: SchemaProgram, options: ValidationOptions, collect: Bool) {
        self.program = program
        self.options = options
        self.collect = collect
    }

    var full: Bool { errors.count >= options.maxErrors }

    // MARK: - Nodes

    mutating func evaluate(_ index: Int32, _ value: JSONValue, _ annotations: inout Annotations) -> Bool {
        let node = program.info[Int(index)]
        if node.opCount == 0 { return true }
        depth += 1
        defer { depth -= 1 }
        if depth > options.maxDepth {
            report(
                "schema.depth_exceeded",
                "validation is nested deeper than the budget of \(options.maxDepth) levels", site: node.site)
            return false
        }
        var pushed = false
        if program.usesDynamicScope && scope.last != node.resource {
            scope.append(node.resource)
            pushed = true
        }
        defer { if pushed { scope.removeLast() } }
        if node.tracksUnevaluated {
            var own = Annotations(active: true)
            let valid = run(node, value, &own)
            if valid { annotations.merge(own) }
            return valid
        }
        return run(node, value, &annotations)
    }

    @inline(__always)
    mutating func run(_ node: NodeInfo, _ value: JSONValue, _ annotations: inout Annotations) -> Bool {
        var valid = true
        var k = Int(node.opStart)
        let end = k + Int(node.opCount)
        while k < end {
            if !apply(program.ops[k], value, &annotations) {
                valid = false
                if !collect || full { return false }
            }
            k += 1
        }
        return valid
    }

    /// Evaluates a subschema on a member or item of the instance.
    @inline(__always)
    mutating func child(_ index: Int32, _ value: JSONValue, key: String) -> Bool {
        if collect { path.append(.key(key)) }
        let saved = refBase
        refBase = refStack.count
        var none = Annotations.inactive
        let valid = evaluate(index, value, &none)
        refBase = saved
        if collect { path.removeLast() }
        return valid
    }

    @inline(__always)
    mutating func child(_ index: Int32, _ value: JSONValue, index position: Int) -> Bool {
        if collect { path.append(.index(position)) }
        let saved = refBase
        refBase = refStack.count
        var none = Annotations.inactive
        let valid = evaluate(index, value, &none)
        refBase = saved
        if collect { path.removeLast() }
        return valid
    }

    /// Evaluates a subschema on the same instance; its annotations count only if it passes.
    @inline(__always)
    mutating func inPlace(_ index: Int32, _ value: JSONValue, _ annotations: inout Annotations) -> Bool {
        if annotations.active {
            var own = Annotations(active: true)
            let valid = evaluate(index, value, &own)
            if valid { annotations.merge(own) }
            return valid
        }
        var none = Annotations.inactive
        return evaluate(index, value, &none)
    }

    /// Evaluates without recording errors (for `not`, `if`, `contains` and branch selection).
    mutating func quietly(_ index: Int32, _ value: JSONValue, _ annotations: inout Annotations) -> Bool {
        let saved = collect
        collect = false
        defer { collect = saved }
        return inPlace(index, value, &annotations)
    }

    mutating func quietChild(_ index: Int32, _ value: JSONValue) -> Bool {
        let saved = collect
        collect = false
        defer { collect = saved }
        return child(index, value, index: 0)
    }

    // MARK: - Errors

    mutating func report(_ code: DiagnosticCode, _ message: String, site: Int32, at extra: PathToken? = nil) {
        guard collect else { return }
        guard errors.count < options.maxErrors else {
            truncated = true
            return
        }
        var tokens = path.map(Self.text)
        if let extra { tokens.append(Self.text(extra)) }
        var error = SchemaValidationError(
            code: code, message: message, instancePointer: JSONPointer(tokens), keyword: "")
        let s = program.sites[Int(site)]
        error.keyword = s.keyword
        if s.source >= 0 {
            let source = program.sources[Int(s.source)]
            error.keywordPointer = JSONPointer(s.pointer)
            error.location = SourceLocation(file: source.file, start: source.tree.start(s.node))
        }
        errors.append(error)
    }

    static func text(_ token: PathToken) -> String {
        switch token {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }

    /// Runs `body` and takes back the errors it recorded.
    mutating func capture(_ body: (inout Evaluator) -> Bool) -> (valid: Bool, errors: [SchemaValidationError]) {
        let mark = errors.count
        let wasTruncated = truncated
        let valid = body(&self)
        let recorded = Array(errors[mark...])
        errors.removeSubrange(mark...)
        truncated = wasTruncated
        return (valid, recorded)
    }
}
