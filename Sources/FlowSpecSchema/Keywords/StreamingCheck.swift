import FlowSpecYAML

/// Checks JSON bytes against a compiled program in one pass, without building a tape: strings are
/// compared in place, small integers read in place, member names matched by bytes against the
/// property tables.
///
/// It only ever answers "valid, certainly" (`true`) or "not sure" (`false`). `false` covers invalid
/// bodies, invalid JSON, and everything it does not follow in streaming form (escaped strings,
/// numbers that are not small integers where a keyword reads them, `anyOf`/`oneOf`/`not`/`if`,
/// discriminators, `uniqueItems`, `contains`, `prefixItems`, `patternProperties`, unevaluated
/// keywords, dynamic references, deep nesting). ``SchemaValidator`` then runs the tape path, which
/// makes the verdict and every diagnostic, so a `false` here never changes an outcome; a `true`
/// must only be given where the tape path finds the value valid (the differential tests hold it to
/// that).
struct StreamingCheck {
    /// A scalar just read.
    enum Scalar {
        case null
        case bool(Bool)
        /// An integer the tape would also store as one (at most 18 digits, not `-0`).
        case int(Int64)
        /// Any other number (validated syntax, value not read).
        case number
        /// A string without escapes: its bytes in the input.
        case string(start: Int, count: Int, ascii: Bool)

        static let nullBit: UInt8 = 1
        static let boolBit: UInt8 = 2
        static let stringBit: UInt8 = 4
        static let intBit: UInt8 = 8
        static let numberBit: UInt8 = 16

        /// This scalar's kind, as a bit of ``StreamingTables/ScalarPlan/kinds``.
        @inline(__always) var kindBit: UInt8 {
            switch self {
            case .null: return Self.nullBit
            case .bool: return Self.boolBit
            case .string: return Self.stringBit
            case .int: return Self.intBit
            case .number: return Self.numberBit
            }
        }
    }

    /// What the keywords applying to an object or array need while its members are read, and the
    /// counts and `required` lists to check once they are read (collected on the same walk, so the
    /// container's nodes are not walked a second time).
    struct Container {
        var members: Int32 = -1
        var items: Int32 = -1
        var minCount = 0
        var maxCount = Int.max
        /// The `required` lists met, up to four.
        var required = SIMD4<Int32>(repeating: -1)
        var requiredCount = 0
        /// False when more `required` lists apply than fit: ``finishObject`` then walks the nodes.
        var complete = true
        /// Set when every name of those lists is a declared property that every direction requires:
        /// then they are all present exactly when all of `requiredMask`'s bits are in the members
        /// seen (worked out with the plan, see ``StreamingTables``).
        var requiredByMask = false
        var requiredMask: UInt64 = 0
    }

    let rt: ProgramRuntime
    /// `rt`'s node and keyword tables and flattened plans, read through pointers (`rt` keeps them
    /// alive).
    let info: UnsafeMutablePointer<NodeInfo>
    let ops: UnsafeMutablePointer<Op>
    /// Not retained: `rt` holds it for as long as this check lives.
    unowned(unsafe) let tables: StreamingTables
    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    let options: ValidationOptions
    /// Deepest nesting of schema nodes followed before giving up, below both the evaluator's and the
    /// parser's budgets.
    let nodeLimit: Int
    let containerLimit: Int
    /// Node evaluations allowed before giving up: half the evaluator's budget.
    let stepLimit: Int
    var i = 0
    var nodeDepth = 0
    var containerDepth = 0
    var steps = 0
    /// Start and length of the member names no property table recognised, of the objects being
    /// read, for the duplicate-name check the parser makes: `keyCount` entries of a buffer of
    /// `keyCapacity` the caller lends (on its stack; an array here cost a malloc and uniqueness
    /// checks on every append). A full buffer gives up.
    let keys: UnsafeMutablePointer<Int>?
    let keyCapacity: Int
    var keyCount = 0
    /// Set where a keyword the check follows fails (rather than where it gives up): a hint that the
    /// body is invalid, so that the tape path can go straight to collecting errors. Never a verdict.
    var mismatch = false

    init(
        runtime: ProgramRuntime, buffer: UnsafeBufferPointer<UInt8>, options: ValidationOptions,
        parseOptions: JSONParser.Options, keys: UnsafeMutableBufferPointer<Int> = UnsafeMutableBufferPointer(start: nil, count: 0),
        stepLimit: Int? = nil
    ) {
        self.keys = keys.baseAddress
        keyCapacity = keys.baseAddress == nil ? 0 : keys.count
        rt = runtime
        tables = runtime.streaming
        info = tables.info
        ops = tables.ops
        b = buffer
        n = buffer.count
        self.options = options
        nodeLimit = min(options.maxDepth - 2, 256)
        containerLimit = min(parseOptions.maxDepth, 64)
        self.stepLimit = stepLimit ?? options.maxSteps / 2
    }

    /// What ``verdict(runtime:entry:buffer:options:parseOptions:)`` found.
    enum Verdict {
        /// Certainly valid JSON whose value matches.
        case valid
        /// Not sure, after a keyword failed: most likely invalid.
        case mismatch
        /// Not sure: something this pass does not follow.
        case unsure
    }

    /// Whether `buffer` is certainly valid JSON whose value matches node `entry`.
    static func accepts(
        runtime: ProgramRuntime, entry: Int32, buffer: UnsafeBufferPointer<UInt8>, options: ValidationOptions,
        parseOptions: JSONParser.Options
    ) -> Bool {
        verdict(runtime: runtime, entry: entry, buffer: buffer, options: options, parseOptions: parseOptions) == .valid
    }

    /// ``accepts(runtime:entry:buffer:options:parseOptions:)``, telling apart a failed keyword from
    /// a giving up when the answer is "not sure".
    static func verdict(
        runtime: ProgramRuntime, entry: Int32, buffer: UnsafeBufferPointer<UInt8>, options: ValidationOptions,
        parseOptions: JSONParser.Options
    ) -> Verdict {
        // Cases whose outcome depends on more than this pass follows go straight to the tape path.
        if runtime.usesDynamicScope || parseOptions.allowDuplicateKeys || buffer.count > parseOptions.maxInputBytes
            || buffer.count == 0 || options.maxDepth < 16 || options.maxSteps < 1024
        {
            return .unsure
        }
        // 1 KiB: the most the standard library places on the stack.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { keys in
            var check = StreamingCheck(
                runtime: runtime, buffer: buffer, options: options, parseOptions: parseOptions, keys: keys)
            if check.document(entry) { return .valid }
            return check.mismatch ? .mismatch : .unsure
        }
    }

    /// For an evaluator collecting errors (``Evaluator/descend(_:_:)``): whether the collection that
    /// starts at `start` in `buffer` certainly matches node `entry`, the evaluator being at schema
    /// depth `depth` after `steps` steps. When it does, the steps after it, counted as the evaluator
    /// counts them (so that its budgets run out where they would have); otherwise `nil`, and
    /// `unsure` tells giving up from a failed keyword, and `stoppedAt` is where the pass stopped.
    /// The input was parsed already, by the parser
    /// this pass mirrors; `stepLimit` is where the evaluator would start remembering verdicts.
    static func subtree(
        runtime: ProgramRuntime, entry: Int32, buffer: UnsafeBufferPointer<UInt8>, at start: Int,
        options: ValidationOptions, parseOptions: JSONParser.Options, depth: Int, containerDepth: Int, steps: Int,
        stepLimit: Int
    ) -> (steps: Int?, unsure: Bool, stoppedAt: Int) {
        // `verdict`'s conditions, which hold for the whole document (checked by the caller's first
        // pass) except the budgets, which are the evaluator's here.
        if runtime.usesDynamicScope || parseOptions.allowDuplicateKeys || options.maxDepth < 16
            || options.maxSteps < 1024 || start >= buffer.count
        {
            return (nil, true, start)
        }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { keys in
            var check = StreamingCheck(
                runtime: runtime, buffer: buffer, options: options, parseOptions: parseOptions, keys: keys,
                stepLimit: min(stepLimit, options.maxSteps / 2))
            // Depths and steps go on from the evaluator's, so that every limit is where it is for
            // the whole document.
            check.i = start
            check.nodeDepth = depth
            check.containerDepth = containerDepth
            check.steps = steps
            if check.value(entry) { return (check.steps, false, check.i) }
            return (nil, !check.mismatch, check.i)
        }
    }

    mutating func document(_ entry: Int32) -> Bool {
        // A byte order mark is left to the parser.
        if b[0] == 0xEF { return false }
        skipWhitespace()
        guard value(entry) else { return false }
        skipWhitespace()
        return i == n
    }

    @inline(__always) mutating func skipWhitespace() {
        // Compact JSON has none: every whitespace byte is at most 0x20.
        guard i < n && b[i] <= 0x20 else { return }
        while i < n {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    // MARK: - Values

    /// Reads the value at `i` and checks it against `node` (`-1`: no schema, syntax only).
    mutating func value(_ node: Int32) -> Bool {
        guard i < n else { return false }
        let scalar: Scalar
        switch b[i] {
        case UInt8(ascii: "{"): return object(node)
        case UInt8(ascii: "["): return array(node)
        case UInt8(ascii: "\""):
            guard let s = string() else { return false }
            scalar = s
        case UInt8(ascii: "t"):
            guard literal("true") else { return false }
            scalar = .bool(true)
        case UInt8(ascii: "f"):
            guard literal("false") else { return false }
            scalar = .bool(false)
        case UInt8(ascii: "n"):
            guard literal("null") else { return false }
            scalar = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let number = number() else { return false }
            scalar = number
        default:
            return false
        }
        return node < 0 || check(scalar, node)
    }

    /// ``value(_:)`` for a member or an item: strings, the commonest, are read and checked here
    /// rather than through the call.
    @inline(__always) mutating func member(_ node: Int32) -> Bool {
        guard i < n, b[i] == UInt8(ascii: "\"") else { return value(node) }
        guard let scalar = string() else { return false }
        return node < 0 || check(scalar, node)
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= n else { return false }
        let same = word.withUTF8Buffer { w in
            var k = 0
            while k < count {
                if b[i + k] != w[k] { return false }
                k += 1
            }
            return true
        }
        i += count
        return same
    }

    /// A number, with the parser's rules: small integers read, anything else validated by
    /// `ExactDecimal` (the parser's own check).
    mutating func number() -> Scalar? {
        let start = i
        let (kind, end) = JSONScan.number(b, from: start)
        i = end
        switch kind {
        case .smallInteger(let value): return .int(value)
        case .leadingZero: return nil
        case .other: break
        }
        guard ExactDecimal.parse(UnsafeBufferPointer(rebasing: b[start..<i])) != nil else { return nil }
        return .number
    }

    /// A string without escapes, its UTF-8 checked; `nil` for anything else.
    @inline(__always) mutating func string() -> Scalar? {
        let start = i + 1
        i = JSONScan.plainASCIIEnd(b, from: start)
        var ascii = true
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return .string(start: start, count: i - 1 - start, ascii: ascii)
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
            if c >= 0x80 {
                ascii = false
                guard skipUTF8Sequence() else { return nil }
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Steps over one multi-byte UTF-8 sequence, with the parser's rules (no overlongs, no
    /// surrogates, nothing past U+10FFFF).
    @inline(__always) mutating func skipUTF8Sequence() -> Bool {
        guard let length = UTF8Check.validSequenceLength(b, at: i) else { return false }
        i += length
        return true
    }

    /// The bytes at `start..<start + count`, always inside the input (a slice's bounds checks cost
    /// more than the reads on this path).
    @inline(__always) func bytes(_ start: Int, _ count: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: b.baseAddress.map { $0 + start }, count: count)
    }

    // MARK: - Scalars against a node

    /// Whether `scalar` passes every keyword of `node` and of the nodes it applies in place: through
    /// the node's flattened plan (the same keywords, steps and nesting as the walk), or by walking
    /// the nodes where it has none.
    @inline(__always) mutating func check(_ scalar: Scalar, _ node: Int32) -> Bool {
        // A plan with only `type` left (most properties), or `type` and a format read off a
        // string's bytes, is answered here, without a call.
        let plan = UnsafePointer(tables.scalars + Int(node))
        let residualCount = plan.pointee.residualCount
        guard plan.pointee.planned else { return walk(scalar, node) }
        var formatted: (kind: FormatKind, start: Int, count: Int)? = nil
        var listed = false
        if residualCount != 0 {
            guard residualCount == 1, case .string(let start, let count, _) = scalar else {
                return checkKeywords(scalar, node)
            }
            if let kind = plan.pointee.stringFormat {
                formatted = (kind, start, count)
            } else if plan.pointee.stringEnum >= 0 {
                listed = true
            } else {
                return checkKeywords(scalar, node)
            }
        }
        if plan.pointee.steps == 0 { return true }
        steps &+= Int(plan.pointee.steps)
        if nodeDepth &+ Int(plan.pointee.depth) > nodeLimit || steps > stepLimit { return false }
        guard plan.pointee.kinds & scalar.kindBit != 0 else {
            if !plan.pointee.refuses { mismatch = true }
            return false
        }
        if let formatted, options.assertFormats || plan.pointee.stringFormatForced,
            !Formats.checkBytes(formatted.kind, bytes(formatted.start, formatted.count))
        {
            mismatch = true
            return false
        }
        if listed && !enumContains(plan.pointee.stringEnum, scalar) {
            mismatch = true
            return false
        }
        return true
    }

    /// ``check(_:_:)-(Scalar,Int32)`` for a node with keywords left besides `type`, or no plan.
    mutating func checkKeywords(_ scalar: Scalar, _ node: Int32) -> Bool {
        let plan = tables.scalars[Int(node)]
        guard plan.planned else { return walk(scalar, node) }
        if plan.steps == 0 { return true }
        steps &+= Int(plan.steps)
        if nodeDepth &+ Int(plan.depth) > nodeLimit || steps > stepLimit { return false }
        guard plan.kinds & scalar.kindBit != 0 else {
            if !plan.refuses { mismatch = true }
            return false
        }
        var k = Int(plan.residualStart)
        let end = k &+ Int(plan.residualCount)
        while k < end {
            let op = tables.residual[k]
            // Formats, the commonest keyword left, without the general dispatch.
            if case .format(let kind, let forced, _) = op {
                if (options.assertFormats || forced) && !format(kind, scalar) {
                    mismatch = true
                    return false
                }
            } else if !check(scalar, op) {
                mismatch = true
                return false
            }
            k &+= 1
        }
        return true
    }

    /// ``check(_:_:)-(Scalar,Int32)`` node by node, for nodes too deep or large to flatten.
    mutating func walk(_ scalar: Scalar, _ node: Int32) -> Bool {
        let info = self.info[Int(node)]
        if info.opCount == 0 { return true }
        guard enter(info) else { return false }
        defer { nodeDepth -= 1 }
        var k = Int(info.opStart)
        let end = k + Int(info.opCount)
        while k < end {
            guard check(scalar, ops[k]) else { return false }
            k += 1
        }
        return true
    }

    /// Counts a node evaluation, as the evaluator does, and gives up where the evaluator's budgets
    /// or annotation tracking could matter.
    @inline(__always) mutating func enter(_ info: NodeInfo) -> Bool {
        steps += 1
        nodeDepth += 1
        if info.tracksUnevaluated || nodeDepth > nodeLimit || steps > stepLimit {
            nodeDepth -= 1
            return false
        }
        return true
    }

    mutating func check(_ scalar: Scalar, _ op: Op) -> Bool {
        switch op {
        case .type(let mask, let nullable, _):
            switch scalar {
            case .null: return mask.contains(.null) || nullable
            case .bool: return mask.contains(.boolean)
            case .string: return mask.contains(.string)
            case .int: return mask.contains(.number) || mask.contains(.integer)
            // Whether `1.0` is an integer is left to the tape path.
            case .number: return mask.contains(.number)
            }
        case .enumeration(let table, let nullable, _):
            if nullable, case .null = scalar { return true }
            return enumContains(table, scalar)
        case .const(let index, _):
            return contains(CollectionOfOne(rt.values[Int(index)]), scalar)
        case .minimum(let index, let exclusive, _), .maximum(let index, let exclusive, _):
            switch scalar {
            case .int(let v):
                guard let limit = rt.numbers[Int(index)].int64Value else { return false }
                if case .minimum = op { return v > limit || (v == limit && !exclusive) }
                return v < limit || (v == limit && !exclusive)
            case .number: return false
            default: return true
            }
        case .multipleOf:
            switch scalar {
            case .int, .number: return false
            default: return true
            }
        case .minLength(let limit, _):
            guard case .string(let start, let count, let ascii) = scalar else { return true }
            return count >= limit && (ascii || scalarCount(start, count) >= limit)
        case .maxLength(let limit, _):
            guard case .string(let start, let count, _) = scalar else { return true }
            return count <= limit || scalarCount(start, count) <= limit
        case .pattern(let pattern, _):
            guard case .string(let start, let count, _) = scalar else { return true }
            return rt.patterns[Int(pattern)].matches(utf8: bytes(start, count))
        case .format(let kind, let forced, _):
            guard options.assertFormats || forced else { return true }
            return format(kind, scalar)
        case .minItems, .maxItems, .uniqueItems, .items, .contains, .unevaluatedItems, .minProperties,
            .maxProperties, .required, .dependentRequired, .members, .propertyNames, .dependentSchemas,
            .unevaluatedProperties:
            // Keywords of arrays and objects pass other types.
            return true
        case .ref(let target, _):
            return walk(scalar, target)
        case .allOf(let list, _):
            for node in rt.lists[Int(list)] where !walk(scalar, node) { return false }
            return true
        case .alwaysFail, .broken, .dynamicRef, .anyOf, .oneOf, .not, .conditional, .discriminator:
            return false
        }
    }

    /// Whether `scalar` is one of `enum` table `table`'s candidates, as ``contains(_:_:)`` finds it
    /// in the table's values, through the flat copies in ``StreamingTables``.
    func enumContains(_ table: Int32, _ scalar: Scalar) -> Bool {
        let candidates = tables.enumTables[Int(table)]
        switch scalar {
        case .null: return candidates.null
        case .bool(let b): return b ? candidates.trueValue : candidates.falseValue
        case .string(let start, let count, _):
            var k = Int(candidates.first)
            let end = k &+ Int(candidates.count)
            while k < end {
                let range = tables.enumStrings[k]
                if Int(range.count) == count {
                    // An empty string may have no address at all.
                    if count == 0 { return true }
                    if let input = b.baseAddress,
                        MemberApplicator.equal(input + start, tables.enumBytes + Int(range.start), count)
                    {
                        return true
                    }
                }
                k &+= 1
            }
            return false
        case .int, .number:
            return false
        }
    }

    /// Whether `scalar` equals one of `values` (numbers are left to the tape path).
    func contains(_ values: some Sequence<JSONValue>, _ scalar: Scalar) -> Bool {
        switch scalar {
        case .null:
            for case .null in values { return true }
            return false
        case .bool(let b):
            for case .bool(let candidate) in values where candidate == b { return true }
            return false
        case .string(let start, let count, _):
            let text = bytes(start, count)
            for case .string(let candidate) in values where Self.sameBytes(candidate, text) { return true }
            return false
        case .int, .number:
            return false
        }
    }

    /// Whether `text` holds exactly the UTF-8 bytes of `string`, compared in place (the generic
    /// `elementsEqual` over `String.UTF8View` cost about a hundred instructions per candidate).
    @inline(__always) static func sameBytes(_ string: String, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = string.utf8
        guard utf8.count == text.count else { return false }
        return utf8.withContiguousStorageIfAvailable { own in
            var k = 0
            while k < own.count {
                if own[k] != text[k] { return false }
                k &+= 1
            }
            return true
        } ?? utf8.elementsEqual(text)
    }

    @inline(__always) func format(_ kind: FormatKind, _ scalar: Scalar) -> Bool {
        Self.format(kind, scalar, in: b)
    }

    /// Whether `scalar`, whose bytes are in `b`, is valid for format `kind`.
    static func format(_ kind: FormatKind, _ scalar: Scalar, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func bytes(_ start: Int, _ count: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: b.baseAddress.map { $0 + start }, count: count)
        }
        switch kind {
        case .int32, .int64, .float, .double:
            switch scalar {
            case .int(let v): return kind != .int32 || (v >= Int64(Int32.min) && v <= Int64(Int32.max))
            case .number: return false
            default: return true
            }
        case .uuid, .dateTime, .date, .time, .hostname, .ipv4, .email, .uri, .uriReference, .iri, .iriReference:
            guard case .string(let start, let count, _) = scalar else { return true }
            return Formats.checkBytes(kind, bytes(start, count))
        default:
            guard case .string(let start, let count, _) = scalar else { return true }
            return Formats.checkString(kind, String(decoding: bytes(start, count), as: UTF8.self))
        }
    }

    func scalarCount(_ start: Int, _ count: Int) -> Int {
        var scalars = 0
        for k in start..<(start + count) where b[k] & 0xC0 != 0x80 { scalars += 1 }
        return scalars
    }

    // MARK: - Objects

    mutating func object(_ node: Int32) -> Bool {
        containerDepth += 1
        guard containerDepth <= containerLimit else { return false }
        i += 1
        guard node >= 0 else { return members(of: -1, nil) }
        // The flattened plan is read where it lies (copying it cost more than the reads); a node
        // without one is gathered into a plan of its own.
        let flat = UnsafePointer(tables.objects + Int(node))
        guard flat.pointee.planned else {
            var plan = StreamingTables.ContainerPlan()
            guard gather(node, isObject: true, into: &plan.container) else { return false }
            return withUnsafePointer(to: plan) { members(of: node, $0) }
        }
        steps &+= Int(flat.pointee.steps)
        if nodeDepth &+ Int(flat.pointee.depth) > nodeLimit || steps > stepLimit { return false }
        if !flat.pointee.accepted {
            if flat.pointee.wrongType { mismatch = true }
            return false
        }
        return members(of: node, flat)
    }

    /// Reads an object's members (from just past its `{`) and checks them, and then the counts and
    /// `required` lists, against `plan`'s container (`nil`: no schema, syntax only).
    @inline(__always) mutating func members(of node: Int32, _ plan: UnsafePointer<StreamingTables.ContainerPlan>?)
        -> Bool
    {
        // The properties through the plain tables (no reference counting in the member loop); the
        // applicator itself only for hashed lookups and the `required` lists.
        let applicatorIndex = plan?.pointee.container.members ?? -1
        let hasMembers = applicatorIndex >= 0
        let table = hasMembers ? tables.memberTables[Int(applicatorIndex)] : StreamingTables.MemberTable()
        let entries = tables.memberEntries + Int(table.first)
        let entryCount = Int(table.count)
        let keyBase = keyCount
        var seen: UInt64 = 0
        var count = 0
        // Members mostly come in the order the schema declares them: the property after the last
        // one matched is tried first.
        var hint = 0
        skipWhitespace()
        if i < n && b[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                // Compact JSON has the key's quote right there.
                if !(i < n && b[i] == UInt8(ascii: "\"")) {
                    skipWhitespace()
                    guard i < n, b[i] == UInt8(ascii: "\"") else { return false }
                }
                let start = i &+ 1
                var length = 0
                var found = -1
                if hint < entryCount {
                    // The property expected next: when its name is plain ASCII (no quote, backslash
                    // or control character) and the input holds exactly it and then the closing
                    // quote, that is the key, with nothing to scan or unescape.
                    let entry = entries[hint]
                    let end = start &+ Int(entry.nameCount)
                    if entry.plain && end < n && b[end] == UInt8(ascii: "\""),
                        let input = b.baseAddress,
                        MemberApplicator.equal(
                            input + start, tables.memberNames + Int(entry.nameStart), Int(entry.nameCount))
                    {
                        length = Int(entry.nameCount)
                        i = end &+ 1
                        found = hint
                    }
                }
                if found < 0 {
                    // Out of line: the loop keeps fewer values live across its calls.
                    guard let key = otherKey(at: start, applicatorIndex, table, entries, hint: hint) else { return false }
                    found = key.found
                    length = key.length
                }
                var child: Int32 = -1
                if found >= 0 {
                    // At most 64 properties in a plan (see `gather`).
                    hint = found &+ 1
                    let bit: UInt64 = 1 &<< UInt64(found)
                    if seen & bit != 0 { return false }
                    seen |= bit
                    let entry = entries[found]
                    if table.hasAccessFlags && options.strictAccess && !accessAllowed(entry.access) {
                        return false
                    }
                    child = entry.node
                } else {
                    guard let additional = undeclared(at: start, length, table.additional, keyBase: keyBase) else {
                        return false
                    }
                    child = additional
                }
                // Compact JSON has the colon right after the key.
                if !(i < n && b[i] == UInt8(ascii: ":")) {
                    skipWhitespace()
                    guard i < n, b[i] == UInt8(ascii: ":") else { return false }
                }
                i &+= 1
                skipWhitespace()
                // Strings, the commonest values, are read and checked here rather than through a call,
                // and nested objects opened without going through `value`.
                guard i < n else { return false }
                let first = b[i]
                if first == UInt8(ascii: "\"") {
                    guard let scalar = string(), child < 0 || check(scalar, child) else { return false }
                } else if first == UInt8(ascii: "{") {
                    guard object(child) else { return false }
                } else if !value(child) {
                    return false
                }
                count &+= 1
                guard let more = afterElement(closing: UInt8(ascii: "}")) else { return false }
                if more { continue }
                break
            }
        }
        if let plan {
            let container = plan.pointee.container
            if container.complete {
                var r = container.requiredByMask ? container.requiredCount : 0
                if !(count >= container.minCount && count <= container.maxCount)
                    || (container.requiredByMask && seen & container.requiredMask != container.requiredMask)
                {
                    mismatch = true
                    return false
                }
                if r < container.requiredCount {
                    let applicator = hasMembers ? rt.members[Int(applicatorIndex)] : nil
                    while r < container.requiredCount {
                        guard requiredPresent(container.required[r], seen: seen, applicator, keyBase: keyBase) else {
                            mismatch = true
                            return false
                        }
                        r &+= 1
                    }
                }
            } else {
                let applicator = hasMembers ? rt.members[Int(applicatorIndex)] : nil
                if !finishObject(node, count: count, seen: seen, applicator, keyBase: keyBase) {
                    mismatch = true
                    return false
                }
            }
        }
        keyCount = keyBase
        containerDepth -= 1
        return true
    }

    /// Reads a key that is not the property expected next (from its opening quote at `start - 1`):
    /// its length, and the property it names (-1: none); `nil` for a key this pass does not read.
    @inline(never) mutating func otherKey(
        at start: Int, _ applicatorIndex: Int32, _ table: StreamingTables.MemberTable,
        _ entries: UnsafeMutablePointer<StreamingTables.MemberEntry>, hint: Int
    ) -> (found: Int, length: Int)? {
        guard case .string(_, let length, _)? = string() else { return nil }
        guard applicatorIndex >= 0 else { return (-1, length) }
        let found =
            table.hashed
            ? rt.members[Int(applicatorIndex)].lookup(bytes: bytes(start, length), hint: hint)
            : lookup(entries, Int(table.count), start, length, hint: hint)
        return (found ?? -1, length)
    }

    /// A member no property names: the schema of `additionalProperties` for it (-1: none), once its
    /// name is recorded for the duplicate check; `nil` when it is not allowed or not followed.
    @inline(never) mutating func undeclared(at start: Int, _ length: Int, _ additional: Int32, keyBase: Int) -> Int32? {
        if additional >= 0 && info[Int(additional)].isFalse {
            mismatch = true
            return nil
        }
        guard isNewKey(start, length, from: keyBase) else { return nil }
        guard let keys, keyCount &+ 2 <= keyCapacity else { return nil }
        keys[keyCount] = start
        keys[keyCount &+ 1] = length
        keyCount &+= 2
        return additional
    }

    /// The property whose name is the `length` bytes at `start` (as ``MemberApplicator/lookup(bytes:hint:)``
    /// finds it, for tables that are scanned): `hint` first, then each in order.
    func lookup(
        _ entries: UnsafeMutablePointer<StreamingTables.MemberEntry>, _ count: Int, _ start: Int, _ length: Int,
        hint: Int
    ) -> Int? {
        guard let input = b.baseAddress else { return nil }
        @inline(__always) func matches(_ k: Int) -> Bool {
            let entry = entries[k]
            return Int(entry.nameCount) == length
                && MemberApplicator.equal(input + start, tables.memberNames + Int(entry.nameStart), length)
        }
        if hint < count && matches(hint) { return hint }
        var k = 0
        while k < count {
            if matches(k) { return k }
            k &+= 1
        }
        return nil
    }

    /// Whether the name at `start` differs from the unrecognised names of this object so far (the
    /// recognised ones are tracked by bit); gives up on objects with very many of them.
    func isNewKey(_ start: Int, _ length: Int, from base: Int) -> Bool {
        if keyCount - base >= 128 { return false }
        guard let keys else { return base == keyCount }
        var k = base
        while k < keyCount {
            if keys[k + 1] == length && same(keys[k], start, length) { return false }
            k += 2
        }
        return true
    }

    func same(_ x: Int, _ y: Int, _ length: Int) -> Bool {
        var k = 0
        while k < length {
            if b[x + k] != b[y + k] { return false }
            k += 1
        }
        return true
    }

    func accessAllowed(_ access: Access) -> Bool {
        switch options.direction {
        case .request: return !access.contains(.readOnly)
        case .response: return !access.contains(.writeOnly)
        case .none: return true
        }
    }

    /// What `node` needs of the container about to be read: its flattened plan (counted as the walk
    /// would count it), or ``gather(_:isObject:into:)`` where it has none.
    @inline(__always) mutating func open(_ node: Int32, isObject: Bool, into plan: inout Container) -> Bool {
        let flat = isObject ? tables.objects[Int(node)] : tables.arrays[Int(node)]
        guard flat.planned else { return gather(node, isObject: isObject, into: &plan) }
        steps &+= Int(flat.steps)
        if nodeDepth &+ Int(flat.depth) > nodeLimit || steps > stepLimit { return false }
        if !flat.accepted {
            if flat.wrongType { mismatch = true }
            return false
        }
        plan = flat.container
        return true
    }

    /// Walks `node` and the nodes it applies in place before a container's members are read: checks
    /// its type and finds the one property or items applicator.
    mutating func gather(_ node: Int32, isObject: Bool, into plan: inout Container) -> Bool {
        let info = self.info[Int(node)]
        if info.opCount == 0 { return true }
        guard enter(info) else { return false }
        defer { nodeDepth -= 1 }
        var k = Int(info.opStart)
        let end = k + Int(info.opCount)
        while k < end {
            switch ops[k] {
            case .type(let mask, _, _):
                guard mask.contains(isObject ? .object : .array) else {
                    mismatch = true
                    return false
                }
            case .members(let index):
                guard isObject else { break }
                let applicator = rt.members[Int(index)]
                guard plan.members < 0, applicator.patterns.isEmpty, applicator.names.count <= 64 else {
                    return false
                }
                plan.members = index
            case .items(let index):
                guard !isObject else { break }
                let applicator = rt.items[Int(index)]
                guard plan.items < 0, applicator.prefix.isEmpty else { return false }
                plan.items = index
            // Checked once the members are counted (see `Container`); the other type's counts pass.
            case .minProperties(let limit, _):
                if isObject { plan.minCount = max(plan.minCount, limit) }
            case .maxProperties(let limit, _):
                if isObject { plan.maxCount = min(plan.maxCount, limit) }
            case .minItems(let limit, _):
                if !isObject { plan.minCount = max(plan.minCount, limit) }
            case .maxItems(let limit, _):
                if !isObject { plan.maxCount = min(plan.maxCount, limit) }
            case .required(let index, _):
                guard isObject else { break }
                if plan.requiredCount < 4 {
                    plan.required[plan.requiredCount] = index
                    plan.requiredCount += 1
                } else {
                    plan.complete = false
                }
            case .minimum, .maximum, .multipleOf, .minLength, .maxLength, .pattern, .format:
                // Keywords of other types.
                break
            case .ref(let target, _):
                guard gather(target, isObject: isObject, into: &plan) else { return false }
            case .allOf(let list, _):
                for child in rt.lists[Int(list)] where !gather(child, isObject: isObject, into: &plan) { return false }
            default:
                // A keyword of the container's type that this pass does not follow (or a value
                // keyword such as `enum`, that an object or array rarely matches).
                if isObject, case .uniqueItems = ops[k] { break }
                if isObject, case .contains = ops[k] { break }
                if isObject, case .unevaluatedItems = ops[k] { break }
                if !isObject, case .dependentRequired = ops[k] { break }
                if !isObject, case .propertyNames = ops[k] { break }
                if !isObject, case .dependentSchemas = ops[k] { break }
                if !isObject, case .unevaluatedProperties = ops[k] { break }
                return false
            }
            k += 1
        }
        return true
    }

    /// The keywords that need an object's member count and names, after they are read (those of
    /// `node` and of the nodes it applies in place).
    func finishObject(
        _ node: Int32, count: Int, seen: UInt64, _ applicator: MemberApplicator?, keyBase: Int, level: Int = 0
    ) -> Bool {
        if level > nodeLimit { return false }
        let info = self.info[Int(node)]
        var k = Int(info.opStart)
        let end = k + Int(info.opCount)
        while k < end {
            switch ops[k] {
            case .minProperties(let limit, _):
                guard count >= limit else { return false }
            case .maxProperties(let limit, _):
                guard count <= limit else { return false }
            case .required(let index, _):
                guard requiredPresent(index, seen: seen, applicator, keyBase: keyBase) else { return false }
            case .ref(let target, _):
                guard finishObject(target, count: count, seen: seen, applicator, keyBase: keyBase, level: level + 1)
                else { return false }
            case .allOf(let list, _):
                for child in rt.lists[Int(list)]
                where !finishObject(child, count: count, seen: seen, applicator, keyBase: keyBase, level: level + 1) {
                    return false
                }
            default:
                break
            }
            k += 1
        }
        return true
    }

    /// Whether the object just read has every name of `required` list `index` (that its direction
    /// requires).
    func requiredPresent(_ index: Int32, seen: UInt64, _ applicator: MemberApplicator?, keyBase: Int) -> Bool {
        let list = rt.requireds[Int(index)]
        var hint = 0
        for (r, name) in list.utf8Names.enumerated() where accessAllowed(list.access[r]) {
            guard has(name, seen: seen, applicator, keyBase: keyBase, hint: &hint) else { return false }
        }
        return true
    }

    /// After a member or an item: `true` past a comma (another one follows), `false` past the
    /// container's `close`, `nil` for anything else.
    @inline(__always) mutating func afterElement(closing close: UInt8) -> Bool? {
        guard i < n else { return nil }
        var c = b[i]
        if c <= 0x20 {
            skipWhitespace()
            guard i < n else { return nil }
            c = b[i]
        }
        if c == UInt8(ascii: ",") {
            i += 1
            return true
        }
        guard c == close else { return nil }
        i += 1
        return false
    }

    /// Whether the object just read has a member named `name`.
    /// `hint` is where the previous required name was found (`required` mostly follows the order
    /// of `properties`).
    func has(_ name: [UInt8], seen: UInt64, _ applicator: MemberApplicator?, keyBase: Int, hint: inout Int) -> Bool {
        let known = name.withUnsafeBufferPointer { applicator?.lookup(bytes: $0, hint: hint) }
        if let known {
            hint = known &+ 1
            return seen & (1 << UInt64(known)) != 0
        }
        var k = keyBase
        guard let keys else { return false }
        while k < keyCount {
            if keys[k + 1] == name.count && name.withUnsafeBufferPointer({ equal(keys[k], $0) }) { return true }
            k += 2
        }
        return false
    }

    func equal(_ start: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < name.count {
            if b[start + k] != name[k] { return false }
            k += 1
        }
        return true
    }

    // MARK: - Arrays

    mutating func array(_ node: Int32) -> Bool {
        containerDepth += 1
        guard containerDepth <= containerLimit else { return false }
        i += 1
        var plan = Container()
        if node >= 0 && !open(node, isObject: false, into: &plan) { return false }
        let child = plan.items >= 0 ? rt.items[Int(plan.items)].rest : -1
        var count = 0
        skipWhitespace()
        if i < n && b[i] == UInt8(ascii: "]") {
            i += 1
        } else {
            while true {
                skipWhitespace()
                guard member(child) else { return false }
                count += 1
                guard let more = afterElement(closing: UInt8(ascii: "]")) else { return false }
                if more { continue }
                break
            }
        }
        if node >= 0 && !(count >= plan.minCount && count <= plan.maxCount) {
            mismatch = true
            return false
        }
        containerDepth -= 1
        return true
    }
}

extension MemberApplicator {
    /// The index of the property named by the bytes `name`, as ``lookup(_:_:)`` finds it on a tape.
    /// Property names are distinct, so the one that equals `name` is the one the tape lookup finds,
    /// wherever the search starts: `hint` is tried first.
    @inline(__always) func lookup(bytes name: UnsafeBufferPointer<UInt8>, hint: Int) -> Int? {
        if hint < utf8Names.count && Self.equal(name, utf8Names[hint]) { return hint }
        return lookup(bytes: name)
    }

    func lookup(bytes name: UnsafeBufferPointer<UInt8>) -> Int? {
        if let hashIndex {
            if let k = hashIndex[fnv1a(name)], Self.equal(name, utf8Names[k]) { return k }
        }
        for k in 0..<utf8Names.count where Self.equal(name, utf8Names[k]) { return k }
        return nil
    }

    @inline(__always) static func equal(_ name: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
        guard name.count == other.count else { return false }
        return other.withUnsafeBufferPointer { o in
            guard o.count > 0, let x = name.baseAddress, let y = o.baseAddress else { return true }
            return equal(x, y, o.count)
        }
    }

    /// Whether the `count` bytes at `x` and at `y` are the same.
    @inline(__always) static func equal(_ x: UnsafePointer<UInt8>, _ y: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let p = UnsafeRawPointer(x)
        let q = UnsafeRawPointer(y)
        // Whole words, never reading outside either name: eight bytes at a time, then the last
        // eight (overlapping) for a longer name, or 4-, 2- and 1-byte pieces for a short one.
        if count >= 8 {
            var k = 0
            while k &+ 8 <= count {
                if p.loadUnaligned(fromByteOffset: k, as: UInt64.self) != q.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                    return false
                }
                k &+= 8
            }
            return k == count
                || p.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
                    == q.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
        }
        var k = 0
        if count & 4 != 0 {
            if p.loadUnaligned(as: UInt32.self) != q.loadUnaligned(as: UInt32.self) { return false }
            k = 4
        }
        if count & 2 != 0 {
            if p.loadUnaligned(fromByteOffset: k, as: UInt16.self) != q.loadUnaligned(fromByteOffset: k, as: UInt16.self) {
                return false
            }
            k &+= 2
        }
        return count & 1 == 0 || x[k] == y[k]
    }
}

extension StreamingCheck {
    /// Whether the string with UTF-8 bytes `buffer` certainly matches node `entry` (a parameter or
    /// header value, checked in place); `false` means "ask the tape path".
    static func accepts(
        runtime: ProgramRuntime, entry: Int32, string buffer: UnsafeBufferPointer<UInt8>, ascii: Bool,
        options: ValidationOptions
    ) -> Bool {
        if runtime.usesDynamicScope || options.maxDepth < 16 || options.maxSteps < 1024 { return false }
        if let answer = planAccepts(runtime.streaming, entry: entry, string: buffer, ascii: ascii, options: options) {
            return answer
        }
        var check = StreamingCheck(runtime: runtime, buffer: buffer, options: options, parseOptions: .default)
        return check.check(.string(start: 0, count: buffer.count, ascii: ascii), entry)
    }

    /// What ``check(_:_:)-(Scalar,Int32)`` answers for a whole string at the start of a check, read
    /// off `entry`'s flattened plan without setting a check up, when the plan has only formats and
    /// lengths left (a parameter's `uuid`, say); `nil` for anything else.
    static func planAccepts(
        _ tables: StreamingTables, entry: Int32, string buffer: UnsafeBufferPointer<UInt8>, ascii: Bool,
        options: ValidationOptions
    ) -> Bool? {
        let plan = tables.scalars[Int(entry)]
        guard plan.planned else { return nil }
        if plan.steps == 0 { return true }
        // A fresh check's budgets, as in `init` (nothing entered, no step taken yet).
        if Int(plan.depth) > min(options.maxDepth - 2, 256) || Int(plan.steps) > options.maxSteps / 2 { return false }
        guard plan.kinds & Scalar.stringBit != 0 else { return false }
        let scalar = Scalar.string(start: 0, count: buffer.count, ascii: ascii)
        var k = Int(plan.residualStart)
        let end = k &+ Int(plan.residualCount)
        while k < end {
            switch tables.residual[k] {
            case .format(let kind, let forced, _):
                if (options.assertFormats || forced) && !format(kind, scalar, in: buffer) { return false }
            case .minLength(let limit, _) where ascii:
                if buffer.count < limit { return false }
            case .maxLength(let limit, _) where ascii:
                if buffer.count > limit { return false }
            default:
                return nil
            }
            k &+= 1
        }
        return true
    }
}

extension SchemaValidator {
    /// Whether the one-pass check vouches for `bytes` on its own (for the differential tests).
    func streamingAccepts(
        json bytes: UnsafeBufferPointer<UInt8>, options: ValidationOptions, parseOptions: JSONParser.Options = .default
    ) -> Bool {
        StreamingCheck.accepts(runtime: runtime, entry: entry, buffer: bytes, options: options, parseOptions: parseOptions)
    }
}

extension StreamingCheck.Scalar {
    /// The scalar a value would be on a tape, for `null`, booleans and small integers (strings,
    /// other numbers and containers are `nil`).
    init?(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n):
            // The tape stores exactly these numbers as integers.
            guard n.isInteger, let v = n.int64Value, n.text.utf8.count < 19 else { return nil }
            self = .int(v)
        default: return nil
        }
    }
}

extension StreamingCheck {
    /// Whether the one-pass check sees a keyword fail on `value` (a string or a scalar; containers
    /// are not looked at): a hint that it is invalid, never a verdict.
    static func mismatches(runtime: ProgramRuntime, entry: Int32, value: JSONValue, options: ValidationOptions) -> Bool {
        if runtime.usesDynamicScope || options.maxDepth < 16 || options.maxSteps < 1024 { return false }
        if case .string(var text) = value {
            return text.withUTF8 { buffer in
                var check = StreamingCheck(runtime: runtime, buffer: buffer, options: options, parseOptions: .default)
                let scalar = Scalar.string(start: 0, count: buffer.count, ascii: JSONScan.isASCII(buffer))
                return !check.check(scalar, entry) && check.mismatch
            }
        }
        guard let scalar = Scalar(value) else { return false }
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var check = StreamingCheck(runtime: runtime, buffer: empty, options: options, parseOptions: .default)
        return !check.check(scalar, entry) && check.mismatch
    }

    /// Whether a scalar that is not a string (see ``Scalar/init(_:)``) certainly matches node `entry`.
    static func accepts(runtime: ProgramRuntime, entry: Int32, scalar: Scalar, options: ValidationOptions) -> Bool {
        if runtime.usesDynamicScope || options.maxDepth < 16 || options.maxSteps < 1024 { return false }
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var check = StreamingCheck(runtime: runtime, buffer: empty, options: options, parseOptions: .default)
        return check.check(scalar, entry)
    }
}
