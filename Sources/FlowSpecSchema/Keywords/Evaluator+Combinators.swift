internal import FlowSpecModel

extension Evaluator {
    mutating func combinator(_ op: Op, _ value: JSONValue, _ annotations: inout Annotations) -> Bool {
        switch op {
        case .allOf(let index, _):
            let nodes = program.lists[Int(index)]
            var valid = true
            for node in nodes where !inPlace(node, value, &annotations) {
                valid = false
                if !collect || full { return false }
            }
            return valid
        case .anyOf(let index, let site):
            return anyOf(program.lists[Int(index)], value, site: site, &annotations)
        case .oneOf(let index, let site):
            return oneOf(program.lists[Int(index)], value, site: site, &annotations)
        case .not(let node, let site):
            var none = Annotations.inactive
            if !quietly(node, value, &none) { return true }
            report("schema.not", "must not match the schema in `not`", site: site)
            return false
        case .conditional(let condition, let then, let otherwise, _):
            if then < 0 && otherwise < 0 && !annotations.active { return true }
            if quietly(condition, value, &annotations) {
                return then < 0 || inPlace(then, value, &annotations)
            }
            return otherwise < 0 || inPlace(otherwise, value, &annotations)
        case .discriminator(let index):
            return discriminator(program.discriminators[Int(index)], value, &annotations)
        default:
            return true
        }
    }

    mutating func anyOf(_ nodes: [Int32], _ value: JSONValue, site: Int32, _ annotations: inout Annotations) -> Bool {
        var valid = false
        for node in nodes where quietly(node, value, &annotations) {
            valid = true
            // Every passing branch contributes annotations, so go on only when they are collected.
            if !annotations.active { break }
        }
        if valid { return true }
        if collect { reportAlternatives(nodes, value, site: site, code: "schema.anyOf") }
        return false
    }

    mutating func oneOf(_ nodes: [Int32], _ value: JSONValue, site: Int32, _ annotations: inout Annotations) -> Bool {
        var passing: [Int] = []
        var own = Annotations(active: annotations.active)
        for (k, node) in nodes.enumerated() {
            var branch = Annotations(active: annotations.active)
            if quietly(node, value, &branch) {
                passing.append(k)
                own = branch
                if passing.count > 1 { break }
            }
        }
        if passing.count == 1 {
            annotations.merge(own)
            return true
        }
        if !collect { return false }
        if passing.isEmpty {
            reportAlternatives(nodes, value, site: site, code: "schema.oneOf")
        } else {
            report(
                "schema.oneOf",
                "matches more than one of the \(nodes.count) alternatives (#\(passing[0] + 1) and #\(passing[1] + 1)), but must match exactly one",
                site: site)
        }
        return false
    }

    /// "does not match any of the 3 alternatives", then the closest branch's own errors.
    mutating func reportAlternatives(_ nodes: [Int32], _ value: JSONValue, site: Int32, code: DiagnosticCode) {
        var best: [SchemaValidationError]? = nil
        var bestScore = Int.max
        for node in nodes {
            let (_, errors) = capture { evaluator in
                var none = Annotations.inactive
                return evaluator.inPlace(node, value, &none)
            }
            // A branch whose type already differs is a worse guess than one that fails deeper inside.
            let typeMismatch = errors.contains { $0.code == "schema.type" && $0.instancePointer.tokens.count == path.count }
            let score = (typeMismatch ? 1_000 : 0) + errors.count
            if score < bestScore {
                bestScore = score
                best = errors
            }
        }
        report(code, "does not match any of the \(nodes.count) alternatives", site: site)
        for error in best ?? [] where !full { errors.append(error) }
        if let best, errors.count < best.count { truncated = true }
    }

    mutating func discriminator(
        _ applicator: DiscriminatorApplicator, _ value: JSONValue, _ annotations: inout Annotations
    ) -> Bool {
        guard case .object(let object) = value else {
            return applicator.isOneOf
                ? oneOf(applicator.fallback, value, site: applicator.site, &annotations)
                : anyOf(applicator.fallback, value, site: applicator.site, &annotations)
        }
        guard let tag = object[applicator.propertyName] else {
            report(
                "schema.discriminator", "discriminator property `\(applicator.propertyName)` is required",
                site: applicator.site)
            return false
        }
        guard case .string(let name) = tag, let k = applicator.values.firstIndex(of: name) else {
            let allowed = applicator.values.map { "`\($0)`" }.joined(separator: ", ")
            report(
                "schema.discriminator",
                "`\(applicator.propertyName)` is \(Messages.show(tag)), which is not one of the mapped values \(allowed)",
                site: applicator.site, at: .key(applicator.propertyName))
            return false
        }
        return inPlace(applicator.targets[k], value, &annotations)
    }
}
