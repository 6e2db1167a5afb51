internal import FlowSpecModel

extension Evaluator {
    /// Applies one keyword.
    mutating func apply(_ op: Op, _ value: JSONValue, _ annotations: inout Annotations) -> Bool {
        switch op {
        case .type(let mask, let nullable, let site):
            if Self.matches(mask, value) || (nullable && value == .null) { return true }
            report("schema.type", "expected \(Messages.typeList(mask, nullable: nullable)), got \(Messages.article(value))", site: site)
            return false
        case .const(let expected, let site):
            if value == program.values[Int(expected)] { return true }
            report("schema.const", "must be \(Messages.show(program.values[Int(expected)]))", site: site)
            return false
        case .enumeration(let table, let nullable, let site):
            if enumContains(program.enums[Int(table)], value) { return true }
            if nullable && value == .null { return true }
            report("schema.enum", Messages.enumeration(program.enums[Int(table)].values), site: site)
            return false
        case .minimum, .maximum, .multipleOf:
            guard case .number(let n) = value else { return true }
            return number(op, n)
        case .minLength, .maxLength, .pattern:
            guard case .string(let s) = value else { return true }
            return string(op, s)
        case .format(let kind, let forced, let site):
            guard options.assertFormats || forced, !kind.check(value) else { return true }
            report("schema.format", Messages.format(kind, value), site: site)
            return false
        case .minItems, .maxItems, .uniqueItems, .items, .contains, .unevaluatedItems:
            guard case .array(let array) = value else { return true }
            return self.array(op, array, &annotations)
        case .minProperties, .maxProperties, .required, .dependentRequired, .members, .propertyNames,
            .dependentSchemas, .unevaluatedProperties:
            guard case .object(let object) = value else {
                if case .dependentSchemas = op { return true }
                return true
            }
            return self.object(op, object, value, &annotations)
        case .ref(let target, let site):
            return follow(target, value, site: site, &annotations)
        case .dynamicRef(let target, let anchor, let site):
            var resolved = target
            if anchor >= 0 {
                for resource in scope {
                    if let node = program.resources[Int(resource)].dynamicAnchor(anchor) {
                        resolved = node
                        break
                    }
                }
            }
            return follow(resolved, value, site: site, &annotations)
        case .allOf, .anyOf, .oneOf, .not, .conditional, .discriminator:
            return combinator(op, value, &annotations)
        case .alwaysFail(let site):
            report("schema.false", "no value is allowed here", site: site)
            return false
        case .broken(let message, let site):
            report("schema.unresolved_ref", program.messages[Int(message)], site: site)
            return false
        }
    }

    func enumContains(_ table: EnumTable, _ value: JSONValue) -> Bool {
        if let set = table.set { return set.contains(value) }
        for candidate in table.values where candidate == value { return true }
        return false
    }

    static func matches(_ mask: TypeMask, _ value: JSONValue) -> Bool {
        switch value {
        case .null: return mask.contains(.null)
        case .bool: return mask.contains(.boolean)
        case .string: return mask.contains(.string)
        case .array: return mask.contains(.array)
        case .object: return mask.contains(.object)
        case .number(let n): return mask.contains(.number) || (mask.contains(.integer) && n.isInteger)
        }
    }

    mutating func follow(_ target: Int32, _ value: JSONValue, site: Int32, _ annotations: inout Annotations) -> Bool {
        if refStack.count > refBase && refStack[refBase...].contains(target) {
            report(
                "schema.ref_loop",
                "the schema refers back to itself without consuming any of the instance, so it can never finish",
                site: site)
            return false
        }
        refStack.append(target)
        let valid = inPlace(target, value, &annotations)
        refStack.removeLast()
        return valid
    }

    mutating func number(_ op: Op, _ n: JSONNumber) -> Bool {
        switch op {
        case .minimum(let index, let exclusive, let site):
            let limit = program.numbers[Int(index)]
            let c = n.compare(to: limit)
            if c > 0 || (c == 0 && !exclusive) { return true }
            report(
                "schema.minimum",
                exclusive ? "must be greater than \(limit) (it is \(n))" : "must be at least \(limit) (it is \(n))",
                site: site)
            return false
        case .maximum(let index, let exclusive, let site):
            let limit = program.numbers[Int(index)]
            let c = n.compare(to: limit)
            if c < 0 || (c == 0 && !exclusive) { return true }
            report(
                "schema.maximum",
                exclusive ? "must be less than \(limit) (it is \(n))" : "must be at most \(limit) (it is \(n))",
                site: site)
            return false
        case .multipleOf(let index, let site):
            let divisor = program.numbers[Int(index)]
            if n.isMultiple(of: divisor) { return true }
            report("schema.multipleOf", "must be a multiple of \(divisor) (it is \(n))", site: site)
            return false
        default:
            return true
        }
    }

    mutating func string(_ op: Op, _ s: String) -> Bool {
        switch op {
        case .minLength(let limit, let site):
            // UTF-8 length bounds the scalar count from above, so most checks never count scalars.
            let utf8 = s.utf8.count
            if utf8 < limit {
                let length = s.unicodeScalars.count
                report("schema.minLength", "must be at least \(Messages.characters(limit)) long (it is \(length))", site: site)
                return false
            }
            if utf8 / 4 >= limit { return true }
            let length = s.unicodeScalars.count
            if length >= limit { return true }
            report("schema.minLength", "must be at least \(Messages.characters(limit)) long (it is \(length))", site: site)
            return false
        case .maxLength(let limit, let site):
            if s.utf8.count <= limit { return true }
            let length = s.unicodeScalars.count
            if length <= limit { return true }
            report("schema.maxLength", "must be at most \(Messages.characters(limit)) long (it is \(length))", site: site)
            return false
        case .pattern(let pattern, let site):
            if program.patterns[Int(pattern)].matches(s) { return true }
            report("schema.pattern", "must match the pattern `\(program.patternTexts[Int(pattern)])`", site: site)
            return false
        default:
            return true
        }
    }
}
