/// What ``StreamingCheck`` reads of a program, worked out once per program: the node and keyword
/// tables behind plain pointers (no reference counting or bounds checks on the hot path), and for
/// each node its keywords flattened through `$ref` and `allOf`, per kind of value, so that checking
/// a scalar or opening a container costs one lookup instead of a walk over the nodes.
///
/// A flattened plan answers exactly what the walk would: the same keywords, the same number of
/// node evaluations (``ScalarPlan/steps``) and the same deepest nesting (``ScalarPlan/depth``), so
/// the budgets give up in the same cases. Nodes whose walk is too deep or too large to flatten
/// (recursive schemas among them) are left to the walk.
///
/// Immutable once built, and only read afterwards: the class owns the memory and frees it with
/// itself.
final class StreamingTables: @unchecked Sendable {
    /// What the `type` keywords let through, per kind of scalar (bits of ``StreamingCheck/Scalar/kindBit``).
    struct ScalarPlan {
        /// Whether the node was flattened; if not, the check walks it.
        var planned = true
        var kinds: UInt8 = 0x1F
        /// Whether `kinds` is empty because of a keyword this pass does not follow rather than a
        /// failed `type` (no hint of a mismatch then, see ``StreamingCheck/mismatch``).
        var refuses = false
        /// Node evaluations the walk counts, and the deepest nesting it reaches (0: nothing to check).
        var steps: Int32 = 0
        var depth: Int32 = 0
        /// The keywords left to check one by one (`enum`, `const`, bounds, lengths, `pattern`,
        /// `format`): a range of ``StreamingTables/residual``.
        var residualStart: Int32 = 0
        var residualCount: Int32 = 0
        /// When the one keyword left is a `format` that ``Formats/checkBytes(_:_:)`` reads (`uuid`,
        /// `date-time`, `email`...): its kind and whether it is asserted whatever the options, so
        /// that a string is checked without going through the residual list.
        var stringFormat: FormatKind? = nil
        var stringFormatForced = false
        /// When the one keyword left is an `enum`: its table, so that a string is looked up
        /// without going through the residual list (-1: none).
        var stringEnum: Int32 = -1
    }

    /// An `enum` table's candidates as ``StreamingCheck`` compares them: its strings' UTF-8 bytes
    /// (``StreamingTables/enumStrings`` from `first`, `count` of them), and whether `null`, `false`
    /// and `true` are among them. Numbers are left to the tape path.
    struct EnumCandidates {
        var first: Int32 = 0
        var count: Int32 = 0
        var null = false
        var falseValue = false
        var trueValue = false
    }

    /// A run of bytes in ``StreamingTables/enumBytes``.
    struct ByteRange {
        var start: Int32
        var count: Int32
    }

    /// What ``StreamingCheck/gather(_:isObject:into:)`` collects for a container at a node.
    struct ContainerPlan {
        var planned = true
        /// False when the walk gives up (a keyword this pass does not follow, the wrong type).
        var accepted = true
        /// Whether it gave up on a `type` keyword that does not allow this kind of container (a
        /// failed keyword, see ``StreamingCheck/mismatch``).
        var wrongType = false
        var steps: Int32 = 0
        var depth: Int32 = 0
        var container = StreamingCheck.Container()
    }

    /// A member applicator's properties: ``StreamingTables/memberEntries`` from `first`, `count`
    /// of them.
    struct MemberTable {
        var first: Int32 = 0
        var count: Int32 = 0
        var additional: Int32 = -1
        var hasAccessFlags = false
        /// Whether names are looked up by hash (many properties): then the applicator answers.
        var hashed = false
    }

    /// One property: its name in ``StreamingTables/memberNames``, its schema and its access.
    struct MemberEntry {
        var nameStart: Int32
        var nameCount: Int32
        var node: Int32
        var access: Access
        /// Whether the name is plain ASCII (no quote, backslash or control character): followed by
        /// a quote in the input, it is the whole key, compared in place.
        var plain: Bool
    }

    let info: UnsafeMutablePointer<NodeInfo>
    let ops: UnsafeMutablePointer<Op>
    let scalars: UnsafeMutablePointer<ScalarPlan>
    let objects: UnsafeMutablePointer<ContainerPlan>
    let arrays: UnsafeMutablePointer<ContainerPlan>
    let residual: UnsafeMutablePointer<Op>
    /// Per member applicator, its properties as ``StreamingCheck/object(_:)`` reads them, behind
    /// plain pointers: the loop over an object's members then touches no reference-counted array.
    let memberTables: UnsafeMutablePointer<MemberTable>
    let memberEntries: UnsafeMutablePointer<MemberEntry>
    /// Every property name's UTF-8 bytes, one after the other (``MemberEntry/nameStart``).
    let memberNames: UnsafeMutablePointer<UInt8>
    /// Per `enum` table, its candidates; their strings' ranges and bytes.
    let enumTables: UnsafeMutablePointer<EnumCandidates>
    let enumStrings: UnsafeMutablePointer<ByteRange>
    let enumBytes: UnsafeMutablePointer<UInt8>
    let enumCount: Int
    let enumStringCount: Int
    let enumByteCount: Int
    let memberEntryCount: Int
    let memberNameBytes: Int
    let memberCount: Int
    let nodeCount: Int
    let opCount: Int
    let residualCount: Int

    /// Limits of flattening: nesting, node evaluations and residual keywords per node.
    static let maxDepth: Int32 = 24
    static let maxSteps: Int32 = 64
    static let maxResidual = 16

    init(
        info nodeInfo: [NodeInfo], ops opList: [Op], lists: [[Int32]], members: [MemberApplicator],
        items: [ItemsApplicator], requireds: [RequiredList], enums: [EnumTable] = []
    ) {
        nodeCount = nodeInfo.count
        opCount = opList.count
        info = Self.copy(nodeInfo)
        ops = Self.copy(opList)
        var builder = Builder(
            info: nodeInfo, ops: opList, lists: lists, members: members, items: items, requireds: requireds)
        var scalarPlans: [ScalarPlan] = []
        var objectPlans: [ContainerPlan] = []
        var arrayPlans: [ContainerPlan] = []
        scalarPlans.reserveCapacity(nodeCount)
        objectPlans.reserveCapacity(nodeCount)
        arrayPlans.reserveCapacity(nodeCount)
        for node in 0..<Int32(nodeCount) {
            scalarPlans.append(builder.scalarPlan(node))
            objectPlans.append(builder.containerPlan(node, isObject: true))
            arrayPlans.append(builder.containerPlan(node, isObject: false))
        }
        scalars = Self.copy(scalarPlans)
        objects = Self.copy(objectPlans)
        arrays = Self.copy(arrayPlans)
        residualCount = builder.residual.count
        residual = Self.copy(builder.residual)
        memberCount = members.count
        var tableList: [MemberTable] = []
        var entryList: [MemberEntry] = []
        var nameList: [UInt8] = []
        for applicator in members {
            tableList.append(
                MemberTable(
                    first: Int32(entryList.count), count: Int32(applicator.utf8Names.count),
                    additional: applicator.additional, hasAccessFlags: applicator.hasAccessFlags,
                    hashed: applicator.hashIndex != nil))
            for (k, name) in applicator.utf8Names.enumerated() {
                entryList.append(
                    MemberEntry(
                        nameStart: Int32(nameList.count), nameCount: Int32(name.count), node: applicator.nodes[k],
                        access: k < applicator.access.count ? applicator.access[k] : [],
                        plain: name.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C })))
                nameList.append(contentsOf: name)
            }
        }
        memberTables = Self.copy(tableList)
        memberEntryCount = entryList.count
        memberEntries = Self.copy(entryList)
        memberNameBytes = nameList.count
        memberNames = Self.copy(nameList)
        var candidateList: [EnumCandidates] = []
        var rangeList: [ByteRange] = []
        var byteList: [UInt8] = []
        for table in enums {
            var candidates = EnumCandidates(first: Int32(rangeList.count))
            for value in table.values {
                switch value {
                case .null: candidates.null = true
                case .bool(let b):
                    if b { candidates.trueValue = true } else { candidates.falseValue = true }
                case .string(let s):
                    rangeList.append(ByteRange(start: Int32(byteList.count), count: Int32(s.utf8.count)))
                    byteList.append(contentsOf: s.utf8)
                default: break
                }
            }
            candidates.count = Int32(rangeList.count) - candidates.first
            candidateList.append(candidates)
        }
        enumCount = candidateList.count
        enumTables = Self.copy(candidateList)
        enumStringCount = rangeList.count
        enumStrings = Self.copy(rangeList)
        enumByteCount = byteList.count
        enumBytes = Self.copy(byteList)
    }

    deinit {
        Self.free(info, nodeCount)
        Self.free(ops, opCount)
        Self.free(scalars, nodeCount)
        Self.free(objects, nodeCount)
        Self.free(arrays, nodeCount)
        Self.free(residual, residualCount)
        Self.free(memberTables, memberCount)
        Self.free(memberEntries, memberEntryCount)
        Self.free(memberNames, memberNameBytes)
        Self.free(enumTables, enumCount)
        Self.free(enumStrings, enumStringCount)
        Self.free(enumBytes, enumByteCount)
    }

    /// A table holding `list`, with room for one element when it is empty so that it is never
    /// null; ``free(_:_:)`` releases it with `list`'s count.
    private static func copy<T>(_ list: [T]) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(list.count, 1))
        pointer.initialize(from: list, count: list.count)
        return pointer
    }

    private static func free<T>(_ pointer: UnsafeMutablePointer<T>, _ count: Int) {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    /// Flattens nodes the way ``StreamingCheck`` walks them.
    struct Builder {
        let info: [NodeInfo]
        let ops: [Op]
        let lists: [[Int32]]
        let members: [MemberApplicator]
        let items: [ItemsApplicator]
        let requireds: [RequiredList]
        var residual: [Op] = []

        /// Why flattening stopped: the walk then decides at run time.
        struct TooLarge: Error {}

        mutating func scalarPlan(_ node: Int32) -> ScalarPlan {
            var plan = ScalarPlan()
            let start = residual.count
            plan.residualStart = Int32(start)
            do {
                try flattenScalar(node, level: 1, into: &plan)
            } catch {
                residual.removeLast(residual.count - start)
                return ScalarPlan(planned: false)
            }
            plan.residualCount = Int32(residual.count - start)
            if plan.residualCount == 1, case .format(let kind, let forced, _) = residual[start], Formats.readsBytes(kind) {
                plan.stringFormat = kind
                plan.stringFormatForced = forced
            }
            if plan.residualCount == 1, case .enumeration(let table, _, _) = residual[start] {
                plan.stringEnum = table
            }
            return plan
        }

        /// Mirrors ``StreamingCheck/check(_:_:)-(Scalar,Int32)``: a node with keywords is one step
        /// at one more level of nesting; `type` narrows the kinds; `$ref` and `allOf` go deeper;
        /// keywords the walk refuses make the plan refuse every scalar.
        mutating func flattenScalar(_ node: Int32, level: Int32, into plan: inout ScalarPlan) throws(TooLarge) {
            let nodeInfo = info[Int(node)]
            if nodeInfo.opCount == 0 { return }
            guard level <= StreamingTables.maxDepth, plan.steps < StreamingTables.maxSteps else { throw TooLarge() }
            plan.steps += 1
            plan.depth = max(plan.depth, level)
            if nodeInfo.tracksUnevaluated {
                plan.kinds = 0
                plan.refuses = true
                return
            }
            var k = Int(nodeInfo.opStart)
            let end = k + Int(nodeInfo.opCount)
            while k < end {
                let op = ops[k]
                switch op {
                case .type(let mask, let nullable, _):
                    plan.kinds &= Self.kinds(mask, nullable: nullable)
                case .enumeration, .const, .minimum, .maximum, .multipleOf, .minLength, .maxLength, .pattern, .format:
                    guard residual.count - Int(plan.residualStart) < StreamingTables.maxResidual else { throw TooLarge() }
                    residual.append(op)
                case .minItems, .maxItems, .uniqueItems, .items, .contains, .unevaluatedItems, .minProperties,
                    .maxProperties, .required, .dependentRequired, .members, .propertyNames, .dependentSchemas,
                    .unevaluatedProperties:
                    break
                case .ref(let target, _):
                    try flattenScalar(target, level: level + 1, into: &plan)
                case .allOf(let list, _):
                    for child in lists[Int(list)] { try flattenScalar(child, level: level + 1, into: &plan) }
                case .alwaysFail, .broken, .dynamicRef, .anyOf, .oneOf, .not, .conditional, .discriminator:
                    plan.kinds = 0
                    plan.refuses = true
                    return
                }
                k += 1
            }
        }

        /// The scalar kinds a `type` keyword lets through, as ``StreamingCheck`` reads it (`1.0`
        /// passes `number` only: whether it is an integer is left to the tape path).
        static func kinds(_ mask: TypeMask, nullable: Bool) -> UInt8 {
            var kinds: UInt8 = 0
            if mask.contains(.null) || nullable { kinds |= StreamingCheck.Scalar.nullBit }
            if mask.contains(.boolean) { kinds |= StreamingCheck.Scalar.boolBit }
            if mask.contains(.string) { kinds |= StreamingCheck.Scalar.stringBit }
            if mask.contains(.number) || mask.contains(.integer) { kinds |= StreamingCheck.Scalar.intBit }
            if mask.contains(.number) { kinds |= StreamingCheck.Scalar.numberBit }
            return kinds
        }

        func containerPlan(_ node: Int32, isObject: Bool) -> ContainerPlan {
            var plan = ContainerPlan()
            do {
                plan.accepted = try flattenContainer(node, isObject: isObject, level: 1, into: &plan)
            } catch {
                return ContainerPlan(planned: false)
            }
            if plan.accepted && isObject { requiredBits(&plan.container) }
            return plan
        }

        /// Sets ``StreamingCheck/Container/requiredMask`` when every required name is a property of
        /// the container's applicator without `readOnly` or `writeOnly` (required whatever the
        /// direction): the bits ``StreamingCheck`` sets for those properties as it reads them.
        func requiredBits(_ container: inout StreamingCheck.Container) {
            guard container.complete, container.members >= 0 else { return }
            let applicator = members[Int(container.members)]
            var mask: UInt64 = 0
            for r in 0..<container.requiredCount {
                let list = requireds[Int(container.required[r])]
                for (k, name) in list.utf8Names.enumerated() {
                    guard list.access[k].isEmpty,
                        let index = name.withUnsafeBufferPointer({ applicator.lookup(bytes: $0) }), index < 64
                    else { return }
                    mask |= 1 &<< UInt64(index)
                }
            }
            container.requiredMask = mask
            container.requiredByMask = true
        }

        /// Mirrors ``StreamingCheck/gather(_:isObject:into:)``; `false` where it gives up.
        func flattenContainer(
            _ node: Int32, isObject: Bool, level: Int32, into plan: inout ContainerPlan
        ) throws(TooLarge) -> Bool {
            let nodeInfo = info[Int(node)]
            if nodeInfo.opCount == 0 { return true }
            guard level <= StreamingTables.maxDepth, plan.steps < StreamingTables.maxSteps else { throw TooLarge() }
            plan.steps += 1
            plan.depth = max(plan.depth, level)
            if nodeInfo.tracksUnevaluated { return false }
            var k = Int(nodeInfo.opStart)
            let end = k + Int(nodeInfo.opCount)
            while k < end {
                let op = ops[k]
                switch op {
                case .type(let mask, _, _):
                    guard mask.contains(isObject ? .object : .array) else {
                        plan.wrongType = true
                        return false
                    }
                case .members(let index):
                    guard isObject else { break }
                    let applicator = members[Int(index)]
                    guard plan.container.members < 0, applicator.patterns.isEmpty, applicator.names.count <= 64 else {
                        return false
                    }
                    plan.container.members = index
                case .items(let index):
                    guard !isObject else { break }
                    let applicator = items[Int(index)]
                    guard plan.container.items < 0, applicator.prefix.isEmpty else { return false }
                    plan.container.items = index
                case .minProperties(let limit, _):
                    if isObject { plan.container.minCount = max(plan.container.minCount, limit) }
                case .maxProperties(let limit, _):
                    if isObject { plan.container.maxCount = min(plan.container.maxCount, limit) }
                case .minItems(let limit, _):
                    if !isObject { plan.container.minCount = max(plan.container.minCount, limit) }
                case .maxItems(let limit, _):
                    if !isObject { plan.container.maxCount = min(plan.container.maxCount, limit) }
                case .required(let index, _):
                    guard isObject else { break }
                    if plan.container.requiredCount < 4 {
                        plan.container.required[plan.container.requiredCount] = index
                        plan.container.requiredCount += 1
                    } else {
                        plan.container.complete = false
                    }
                case .minimum, .maximum, .multipleOf, .minLength, .maxLength, .pattern, .format:
                    break
                case .ref(let target, _):
                    guard try flattenContainer(target, isObject: isObject, level: level + 1, into: &plan) else {
                        return false
                    }
                case .allOf(let list, _):
                    for child in lists[Int(list)] {
                        guard try flattenContainer(child, isObject: isObject, level: level + 1, into: &plan) else {
                            return false
                        }
                    }
                case .uniqueItems, .contains, .unevaluatedItems:
                    guard isObject else { return false }
                case .dependentRequired, .propertyNames, .dependentSchemas, .unevaluatedProperties:
                    guard !isObject else { return false }
                default:
                    return false
                }
                k += 1
            }
            return true
        }
    }
}
