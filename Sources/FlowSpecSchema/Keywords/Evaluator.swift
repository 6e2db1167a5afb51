internal import FlowSpecModel
internal import FlowSpecYAML

/// Runs a compiled program on one instance, laid out as a ``JSONTape``; instance values are tape
/// indices.
///
/// Two modes: without `collect` it answers valid or not and stops at the first failure (no paths,
/// no messages, no allocation); with `collect` it records every error with its instance pointer.
/// ``SchemaValidator`` runs the fast mode first and the collecting one only for invalid instances.
struct Evaluator {
    enum PathToken {
        case key(String)
        case index(Int)
    }

    /// A step of ``path``: a member, by the tape index of its key (made into a string only when an
    /// error is reported), or an item.
    enum PathStep {
        case member(Int)
        case item(Int)
    }

    let rt: ProgramRuntime
    let tape: JSONTape
    let options: ValidationOptions
    var collect: Bool
    var errors: [SchemaValidationError] = []
    var truncated = false
    var path = InstancePath()
    /// The dynamic scope: resources entered, outermost first (only when the program uses it).
    var scope: [Int32] = []
    /// In-place steps (`$ref`, `allOf`...) since the instance location last changed, and, once
    /// there are many, the `$ref` targets entered: a target met twice is a loop that consumes no
    /// instance and would never end.
    var refRun = 0
    var refStack: [Int32] = []
    var refBase = 0
    var depth = 0
    /// Node evaluations so far, against ``ValidationOptions/maxSteps``.
    var steps = 0
    /// Verdicts by (node, instance position), used once a validation has taken many steps: a schema
    /// that reaches one subschema along many paths (`allOf: [$ref: a, $ref: a]`, nested) is then
    /// evaluated once per instance position instead of once per path.
    var memo: [UInt64: Bool] = [:]
    static let memoThreshold = 20_000
    var stack: StackGuard? = nil
    /// The parser's options when the tape was parsed from bytes and collections the evaluator
    /// descends into may be checked in one pass first (``validSubtreeSteps(_:_:)``); `nil`: never.
    var subtrees: JSONParser.Options? = nil
    /// Collections that start before this input offset are not checked in one pass: a check gave
    /// up there (on something the pass does not follow), and would give up again.
    var subtreesFrom = 0
    /// How deep in the instance a collection may be to be checked in one pass. A collection that
    /// fails is walked, and its collections checked in turn, so the bytes before an error are read
    /// once per level: this bounds that.
    static let subtreeDepthLimit = 16
    /// How many collections the one-pass check found valid (for the tests).
    var subtreesSkipped = 0
    /// Words messages and records errors with the general code they were first written with (string
    /// interpolation, values rendered as `JSONValue`s), which the one-allocation writers replaced:
    /// the tests compare the two.
    var wordsByReference = false

    init(runtime: ProgramRuntime, tape: JSONTape, options: ValidationOptions, collect: Bool) {
        self.rt = runtime
        self.tape = tape
        self.options = options
        self.collect = collect
    }

    var full: Bool { errors.count >= options.maxErrors }

    // MARK: - Nodes

    mutating func evaluate(_ index: Int32, _ r: Int, _ annotations: inout Annotations) -> Bool {
        let node = rt.info[Int(index)]
        if node.opCount == 0 { return true }
        steps += 1
        if steps > Self.memoThreshold || steps > options.maxSteps {
            return evaluateRemembering(index, node, r, &annotations)
        }
        return evaluateNode(index, node, r, &annotations)
    }

    /// The slow path of long validations: the step budget, and the memo of verdicts.
    mutating func evaluateRemembering(
        _ index: Int32, _ node: NodeInfo, _ r: Int, _ annotations: inout Annotations
    ) -> Bool {
        // Past the budget every evaluation fails; the validator reports it once, at the root.
        if steps > options.maxSteps { return false }
        // Verdicts depend on the dynamic scope and feed annotations, so only the plain case is kept.
        let memorable =
            steps > Self.memoThreshold && !annotations.active && !rt.usesDynamicScope && !node.tracksUnevaluated
        let key = UInt64(UInt32(bitPattern: index)) << 32 | UInt64(UInt32(truncatingIfNeeded: r))
        if memorable, let known = memo[key], known || !collect { return known }
        let valid = evaluateNode(index, node, r, &annotations)
        if memorable { memo[key] = valid }
        return valid
    }

    mutating func evaluateNode(_ index: Int32, _ node: NodeInfo, _ r: Int, _ annotations: inout Annotations) -> Bool {
        depth += 1
        defer { depth -= 1 }
        if depth > options.maxDepth || (depth > StackGuard.deepThreshold && stackExhausted()) {
            report(
                "schema.depth_exceeded", "validation is nested deeper than the budget of \(options.maxDepth) levels",
                site: node.site)
            return false
        }
        var pushed = false
        if rt.usesDynamicScope && scope.last != node.resource {
            scope.append(node.resource)
            pushed = true
        }
        defer { if pushed { scope.removeLast() } }
        if node.tracksUnevaluated {
            var own = Annotations(active: true)
            let valid = run(node, r, &own)
            if valid { annotations.merge(own) }
            return valid
        }
        return run(node, r, &annotations)
    }

    mutating func stackExhausted() -> Bool {
        if stack == nil { stack = StackGuard() }
        return stack?.isExhausted() ?? false
    }

    @inline(__always)
    mutating func run(_ node: NodeInfo, _ r: Int, _ annotations: inout Annotations) -> Bool {
        var valid = true
        var k = Int(node.opStart)
        let end = k + Int(node.opCount)
        while k < end {
            if !apply(rt.ops[k], r, &annotations) {
                valid = false
                if !collect || full { return false }
            }
            k += 1
        }
        return valid
    }

    /// Evaluates a subschema on a member of the instance.
    @inline(__always)
    mutating func child(_ index: Int32, _ r: Int, key: Int) -> Bool {
        if collect { path.append(.member(key)) }
        defer { if collect { path.removeLast() } }
        return descend(index, r)
    }

    /// Evaluates a subschema on an element of the instance.
    @inline(__always)
    mutating func child(_ index: Int32, _ r: Int, index position: Int) -> Bool {
        if collect { path.append(.item(position)) }
        defer { if collect { path.removeLast() } }
        return descend(index, r)
    }

    @inline(__always)
    mutating func descend(_ index: Int32, _ r: Int) -> Bool {
        if subtrees != nil, let after = validSubtreeSteps(index, r) {
            steps = after
            return true
        }
        let savedBase = refBase
        let savedRun = refRun
        refBase = refStack.count
        refRun = 0
        var none = Annotations.inactive
        let valid = evaluate(index, r, &none)
        refBase = savedBase
        refRun = savedRun
        return valid
    }

    /// The steps after evaluating node `index` on the collection at `r`, when the one-pass check
    /// finds it valid straight from the input's bytes; `nil` when it does not (or is not tried).
    ///
    /// Used by the collecting pass on an instance the one-pass check found invalid: most of such a
    /// body is valid, and the one pass reads it about three times faster than the walk over the
    /// tape. Skipping a valid collection changes nothing else: it has no errors, the annotations of
    /// a child evaluation are dropped anyway (``descend(_:_:)``), and the one pass counts steps as
    /// the walk does and gives up where the walk's depth or budget could matter (debug builds
    /// check both against the walk).
    @inline(never)
    mutating func validSubtreeSteps(_ index: Int32, _ r: Int) -> Int? {
        guard let parseOptions = subtrees, path.count <= Self.subtreeDepthLimit,
            let start = tape.inputOffset(r), start >= subtreesFrom, rt.info[Int(index)].opCount > 0
        else { return nil }
        let check = StreamingCheck.subtree(
            runtime: rt, entry: index, buffer: tape.input, at: start, options: options, parseOptions: parseOptions,
            depth: depth, containerDepth: path.count, steps: steps, stepLimit: Self.memoThreshold)
        guard let after = check.steps else {
            if check.unsure { subtreesFrom = max(subtreesFrom, check.stoppedAt) }
            return nil
        }
        subtreesSkipped += 1
        #if DEBUG
            var walk = Evaluator(runtime: rt, tape: tape, options: options, collect: false)
            walk.depth = depth
            walk.steps = steps
            if !StackGuard().isExhausted() {
                let valid = walk.descend(index, r)
                assert(valid && walk.steps == after, "the one-pass check and the walk disagree on a collection")
            }
        #endif
        return after
    }

    /// Evaluates a subschema on the same instance; its annotations count only if it passes.
    @inline(__always)
    mutating func inPlace(_ index: Int32, _ r: Int, _ annotations: inout Annotations) -> Bool {
        if annotations.active {
            var own = Annotations(active: true)
            let valid = evaluate(index, r, &own)
            if valid { annotations.merge(own) }
            return valid
        }
        var none = Annotations.inactive
        return evaluate(index, r, &none)
    }

    /// Evaluates without recording errors (for `not`, `if`, `contains` and branch selection).
    mutating func quietly(_ index: Int32, _ r: Int, _ annotations: inout Annotations) -> Bool {
        let saved = collect
        collect = false
        defer { collect = saved }
        return inPlace(index, r, &annotations)
    }

    // MARK: - Errors

    /// Records an error in collecting mode. Callers whose message is worded from the instance or
    /// the schema (a number's text, a quoted value, a list) call it under `if collect`: the fast
    /// mode, `not`, `if` and branch selection throw the error away, and wording it costs far more
    /// than the check that failed.
    mutating func report(_ code: DiagnosticCode, _ message: String, site: Int32, at extra: PathToken? = nil) {
        guard collect else { return }
        guard errors.count < options.maxErrors else {
            truncated = true
            return
        }
        if wordsByReference { return reportByReference(code, message, site: site, at: extra) }
        // The tokens are counted first, so the array is allocated once (none at the root).
        var tokens: [String] = []
        let count = path.count + (extra == nil ? 0 : 1)
        if count > 0 {
            tokens.reserveCapacity(count)
            path.forEach { tokens.append(text($0)) }
            if let extra { tokens.append(Self.text(extra)) }
        }
        // The site's fields are read in place: copying a site, or a source with its whole tree,
        // retained and released every array in it.
        let s = Int(site)
        let source = Int(rt.sites[s].source)
        // An invalid instance has a few errors, most often: room for them at once rather than one,
        // then two, then four.
        if errors.capacity == 0 { errors.reserveCapacity(4) }
        // Made in the append, each field once: through variables the error and its location were
        // copied and destroyed once more.
        if source >= 0 {
            errors.append(
                SchemaValidationError(
                    code: code, message: message, instancePointer: JSONPointer(tokens), keyword: rt.sites[s].keyword,
                    keywordPointer: JSONPointer(rt.sites[s].pointer),
                    location: SourceLocation(
                        file: rt.sources[source].file, start: rt.sources[source].tree.start(rt.sites[s].node))))
        } else {
            errors.append(
                SchemaValidationError(
                    code: code, message: message, instancePointer: JSONPointer(tokens), keyword: rt.sites[s].keyword))
        }
    }

    /// ``report(_:_:site:at:)`` as first written (see ``wordsByReference``).
    mutating func reportByReference(_ code: DiagnosticCode, _ message: String, site: Int32, at extra: PathToken?) {
        // A closure rather than `path.map(text)`: the partial application copied the whole
        // evaluator.
        var tokens = path.map { text($0) }
        if let extra { tokens.append(Self.text(extra)) }
        var error = SchemaValidationError(
            code: code, message: message, instancePointer: JSONPointer(tokens), keyword: "")
        let s = rt.sites[Int(site)]
        error.keyword = s.keyword
        if s.source >= 0 {
            let source = rt.sources[Int(s.source)]
            error.keywordPointer = JSONPointer(s.pointer)
            error.location = SourceLocation(file: source.file, start: source.tree.start(s.node))
        }
        errors.append(error)
    }

    func text(_ step: PathStep) -> String {
        switch step {
        case .member(let key): return tape.string(key)
        case .item(let index): return String(index)
        }
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
