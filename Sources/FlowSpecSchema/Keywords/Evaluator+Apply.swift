internal import FlowSpecModel

extension Evaluator {
    /// Applies one keyword to the value at tape index `r`.
    mutating func apply(_ op: Op, _ r: Int, _ annotations: inout Annotations) -> Bool {
        let tag = tape.tag(r)
        switch op {
        case .type(let mask, let nullable, let site):
            if matches(mask, r, tag) || (nullable && tag == .null) { return true }
            if collect {
                let message =
                    wordsByReference
                    ? "expected \(Messages.typeList(mask, nullable: nullable)), got \(Messages.article(tape, r))"
                    : Messages.join("expected ", Messages.typeList(mask, nullable: nullable), ", got ", Messages.article(tape, r))
                report("schema.type", message, site: site)
            }
            return false
        case .const(let expected, let site):
            if tape.equals(r, rt.values[Int(expected)]) { return true }
            if collect {
                report("schema.const", "must be \(Messages.show(rt.values[Int(expected)]))", site: site)
            }
            return false
        case .enumeration(let table, let nullable, let site):
            if tag == .string ? enumContainsString(table, r) : enumContains(rt.enums[Int(table)], r) { return true }
            if nullable && tag == .null { return true }
            report("schema.enum", rt.enumMessages[Int(table)], site: site)
            return false
        case .minimum, .maximum, .multipleOf:
            guard tag == .int || tag == .number else { return true }
            return number(op, r)
        case .minLength, .maxLength, .pattern:
            guard tag == .string else { return true }
            return string(op, r)
        case .format(let kind, let forced, let site):
            guard options.assertFormats || forced, !kind.check(tape, r) else { return true }
            if collect {
                let message =
                    tag == .string && !wordsByReference
                    ? tape.withString(r) { Messages.format(kind, string: $0) }
                    : Messages.format(kind, Messages.show(tape.value(r)))
                report("schema.format", message, site: site)
            }
            return false
        case .minItems, .maxItems, .uniqueItems, .items, .contains, .unevaluatedItems:
            guard tag == .array else { return true }
            return array(op, r, &annotations)
        case .minProperties, .maxProperties, .required, .dependentRequired, .members, .propertyNames,
            .dependentSchemas, .unevaluatedProperties:
            guard tag == .object else { return true }
            return object(op, r, &annotations)
        case .ref(let target, let site):
            return follow(target, r, site: site, &annotations)
        case .dynamicRef(let target, let anchor, let site):
            var resolved = target
            if anchor >= 0 {
                for resource in scope {
                    if let node = rt.resources[Int(resource)].dynamicAnchor(anchor) {
                        resolved = node
                        break
                    }
                }
            }
            return follow(resolved, r, site: site, &annotations)
        case .allOf, .anyOf, .oneOf, .not, .conditional, .discriminator:
            return combinator(op, r, &annotations)
        case .alwaysFail(let site):
            report("schema.false", "no value is allowed here", site: site)
            return false
        case .broken(let message, let site):
            report("schema.unresolved_ref", rt.messages[Int(message)], site: site)
            return false
        }
    }

    @inline(__always)
    func matches(_ mask: TypeMask, _ r: Int, _ tag: JSONTape.Tag) -> Bool {
        switch tag {
        case .null: return mask.contains(.null)
        case .true, .false: return mask.contains(.boolean)
        case .string: return mask.contains(.string)
        case .array: return mask.contains(.array)
        case .object: return mask.contains(.object)
        case .int: return mask.contains(.number) || mask.contains(.integer)
        case .number: return mask.contains(.number) || (mask.contains(.integer) && tape.isIntegral(r))
        }
    }

    /// Whether the string at `r` is one of table `index`'s strings, compared as bytes with the
    /// streaming check's copy of them (no value is built, no candidate copied).
    func enumContainsString(_ index: Int32, _ r: Int) -> Bool {
        let tables = rt.streaming
        let candidates = tables.enumTables[Int(index)]
        let count = tape.stringCount(r)
        return tape.withString(r) { s in
            var k = Int(candidates.first)
            let end = k + Int(candidates.count)
            while k < end {
                let range = tables.enumStrings[k]
                if Int(range.count) == count {
                    if count == 0 { return true }
                    if let x = s.baseAddress, MemberApplicator.equal(x, tables.enumBytes + Int(range.start), count) {
                        return true
                    }
                }
                k += 1
            }
            return false
        }
    }

    func enumContains(_ table: EnumTable, _ r: Int) -> Bool {
        if let set = table.set { return set.contains(tape.value(r)) }
        for candidate in table.values where tape.equals(r, candidate) { return true }
        return false
    }

    mutating func follow(_ target: Int32, _ r: Int, site: Int32, _ annotations: inout Annotations) -> Bool {
        refRun += 1
        var pushed = false
        if refRun > rt.loopCheckThreshold {
            if refStack.count > refBase && refStack[refBase...].contains(target) {
                report(
                    "schema.ref_loop",
                    "the schema refers back to itself without consuming any of the instance, so it can never finish",
                    site: site)
                refRun -= 1
                return false
            }
            refStack.append(target)
            pushed = true
        }
        let valid = inPlace(target, r, &annotations)
        if pushed { refStack.removeLast() }
        refRun -= 1
        return valid
    }

    mutating func number(_ op: Op, _ r: Int) -> Bool {
        switch op {
        case .minimum(let index, let exclusive, let site), .maximum(let index, let exclusive, let site):
            let isMinimum: Bool
            if case .minimum = op { isMinimum = true } else { isMinimum = false }
            let limit = rt.numbers[Int(index)]
            let c = compare(r, limit)
            if (isMinimum ? c > 0 : c < 0) || (c == 0 && !exclusive) { return true }
            if collect {
                let words =
                    isMinimum
                    ? (exclusive ? "must be greater than " : "must be at least ")
                    : (exclusive ? "must be less than " : "must be at most ")
                let message =
                    wordsByReference
                    ? "\(words)\(limit) (it is \(tape.number(r)))" : Messages.bound(words, limit, tape, r)
                report(isMinimum ? "schema.minimum" : "schema.maximum", message, site: site)
            }
            return false
        case .multipleOf(let index, let site):
            let divisor = rt.numbers[Int(index)]
            let n = tape.number(r)
            if n.isMultiple(of: divisor) { return true }
            if collect {
                report(
                    "schema.multipleOf",
                    wordsByReference
                        ? "must be a multiple of \(divisor) (it is \(n))"
                        : Messages.bound("must be a multiple of ", divisor, tape, r),
                    site: site)
            }
            return false
        default:
            return true
        }
    }

    /// Compares the number at `r` with `limit`, without building a number for small integers
    /// against integer limits.
    @inline(__always)
    func compare(_ r: Int, _ limit: JSONNumber) -> Int {
        if tape.tag(r) == .int, let l = limit.int64Value {
            let v = tape.int(r)
            return v < l ? -1 : (v == l ? 0 : 1)
        }
        return tape.number(r).compare(to: limit)
    }

    mutating func string(_ op: Op, _ r: Int) -> Bool {
        switch op {
        case .minLength(let limit, let site):
            // UTF-8 length bounds the scalar count, so most checks never count scalars.
            let bytes = tape.stringCount(r)
            if bytes >= limit && (tape.stringIsASCII(r) || tape.scalarCount(r) >= limit) { return true }
            if collect {
                let length = tape.scalarCount(r)
                report(
                    "schema.minLength",
                    wordsByReference
                        ? "must be at least \(Messages.characters(limit)) long (it is \(length))"
                        : Messages.length("must be at least ", limit, length),
                    site: site)
            }
            return false
        case .maxLength(let limit, let site):
            if tape.stringCount(r) <= limit { return true }
            let length = tape.scalarCount(r)
            if length <= limit { return true }
            if collect {
                report(
                    "schema.maxLength",
                    wordsByReference
                        ? "must be at most \(Messages.characters(limit)) long (it is \(length))"
                        : Messages.length("must be at most ", limit, length),
                    site: site)
            }
            return false
        case .pattern(let pattern, let site):
            let matcher = rt.patterns[Int(pattern)]
            if tape.withString(r, { matcher.matches(utf8: $0) }) { return true }
            if collect {
                report(
                    "schema.pattern",
                    wordsByReference
                        ? "must match the pattern `\(rt.patternTexts[Int(pattern)])`" : rt.patternMessages[Int(pattern)],
                    site: site)
            }
            return false
        default:
            return true
        }
    }
}
