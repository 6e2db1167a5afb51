internal import FlowSpecModel

extension Evaluator {
    mutating func combinator(_ op: Op, _ r: Int, _ annotations: inout Annotations) -> Bool {
        switch op {
        case .allOf(let index, _):
            var valid = true
            for node in rt.lists[Int(index)] where !inPlace(node, r, &annotations) {
                valid = false
                if !collect || full { return false }
            }
            return valid
        case .anyOf(let index, let site):
            return anyOf(rt.lists[Int(index)], r, site: site, &annotations)
        case .oneOf(let index, let site):
            return oneOf(rt.lists[Int(index)], r, site: site, &annotations)
        case .not(let node, let site):
            var none = Annotations.inactive
            if !quietly(node, r, &none) { return true }
            report("schema.not", "must not match the schema in `not`", site: site)
            return false
        case .conditional(let condition, let then, let otherwise, _):
            if then < 0 && otherwise < 0 && !annotations.active { return true }
            if quietly(condition, r, &annotations) {
                return then < 0 || inPlace(then, r, &annotations)
            }
            return otherwise < 0 || inPlace(otherwise, r, &annotations)
        case .discriminator(let index):
            return discriminator(rt.discriminators[Int(index)], r, &annotations)
        default:
            return true
        }
    }

    mutating func anyOf(_ nodes: [Int32], _ r: Int, site: Int32, _ annotations: inout Annotations) -> Bool {
        var valid = false
        for node in nodes where quietly(node, r, &annotations) {
            valid = true
            // Every passing branch contributes annotations, so go on only when they are collected.
            if !annotations.active { break }
        }
        if valid { return true }
        if collect { reportAlternatives(nodes, r, site: site, code: "schema.anyOf") }
        return false
    }

    mutating func oneOf(_ nodes: [Int32], _ r: Int, site: Int32, _ annotations: inout Annotations) -> Bool {
        var first = -1
        var second = -1
        var own = Annotations(active: annotations.active)
        for (k, node) in nodes.enumerated() {
            var branch = Annotations(active: annotations.active)
            if quietly(node, r, &branch) {
                if first < 0 {
                    first = k
                    own = branch
                } else {
                    second = k
                    break
                }
            }
        }
        if first >= 0 && second < 0 {
            annotations.merge(own)
            return true
        }
        if !collect { return false }
        if first < 0 {
            reportAlternatives(nodes, r, site: site, code: "schema.oneOf")
        } else {
            report(
                "schema.oneOf",
                "matches more than one of the \(nodes.count) alternatives (#\(first + 1) and #\(second + 1)), but must match exactly one",
                site: site)
        }
        return false
    }

    /// "does not match any of the 3 alternatives", then the closest branch's own errors.
    mutating func reportAlternatives(_ nodes: [Int32], _ r: Int, site: Int32, code: DiagnosticCode) {
        var best: [SchemaValidationError]? = nil
        var bestScore = Int.max
        let depth = path.count
        for node in nodes {
            let (_, errors) = capture { evaluator in
                var none = Annotations.inactive
                return evaluator.inPlace(node, r, &none)
            }
            // A branch whose type already differs is a worse guess than one that fails deeper inside.
            let typeMismatch = errors.contains { $0.code == "schema.type" && $0.instancePointer.tokens.count == depth }
            let score = (typeMismatch ? 1_000 : 0) + errors.count
            if score < bestScore {
                bestScore = score
                best = errors
            }
        }
        report(code, "does not match any of the \(nodes.count) alternatives", site: site)
        for error in best ?? [] {
            if full {
                truncated = true
                break
            }
            errors.append(error)
        }
    }

    mutating func discriminator(
        _ applicator: DiscriminatorApplicator, _ r: Int, _ annotations: inout Annotations
    ) -> Bool {
        guard tape.tag(r) == .object else {
            return applicator.isOneOf
                ? oneOf(applicator.fallback, r, site: applicator.site, &annotations)
                : anyOf(applicator.fallback, r, site: applicator.site, &annotations)
        }
        guard let tag = tape.member(r, named: applicator.utf8PropertyName) else {
            if collect {
                report(
                    "schema.discriminator", "discriminator property `\(applicator.propertyName)` is required",
                    site: applicator.site)
            }
            return false
        }
        if tape.tag(tag) == .string {
            for (k, value) in applicator.utf8Values.enumerated() where tape.stringEquals(tag, value) {
                return inPlace(applicator.targets[k], r, &annotations)
            }
        }
        if collect {
            let allowed = applicator.values.map { "`\($0)`" }.joined(separator: ", ")
            report(
                "schema.discriminator",
                "`\(applicator.propertyName)` is \(Messages.show(tape.value(tag))), which is not one of the mapped values \(allowed)",
                site: applicator.site, at: .key(applicator.propertyName))
        }
        return false
    }
}
