internal import FlowSpecModel

extension Evaluator {
    mutating func object(_ op: Op, _ r: Int, _ annotations: inout Annotations) -> Bool {
        let count = tape.count(r)
        switch op {
        case .minProperties(let limit, let site):
            if count >= limit { return true }
            if collect {
                report(
                    "schema.minProperties", "must have at least \(Messages.properties(limit)) (it has \(count))",
                    site: site
                )
            }
            return false
        case .maxProperties(let limit, let site):
            if count <= limit { return true }
            if collect {
                report(
                    "schema.maxProperties", "must have at most \(Messages.properties(limit)) (it has \(count))",
                    site: site)
            }
            return false
        case .required(let index, let site):
            // `rt` keeps the list alive for the whole validation: reading it unretained saves a
            // retain and a release per object (the same below for the member applicator).
            unowned(unsafe) let list = rt.requireds[Int(index)]
            var valid = true
            for k in 0..<list.names.count where tape.member(r, named: list.name(k)) == nil {
                let access = list.access[k]
                if options.direction == .request && access.contains(.readOnly) { continue }
                if options.direction == .response && access.contains(.writeOnly) { continue }
                if collect {
                    report("schema.required", "`\(list.names[k])` is required", site: site)
                }
                valid = false
                if !collect || full { return false }
            }
            return valid
        case .dependentRequired(let index, let site):
            var valid = true
            for dependency in rt.dependentRequireds[Int(index)] where tape.member(r, named: dependency.utf8Name) != nil
            {
                for (k, other) in dependency.utf8Required.enumerated() where tape.member(r, named: other) == nil {
                    if collect {
                        report(
                            "schema.dependentRequired",
                            "`\(dependency.required[k])` is required when `\(dependency.name)` is present", site: site)
                    }
                    valid = false
                    if !collect || full { return false }
                }
            }
            return valid
        case .members(let index):
            unowned(unsafe) let applicator = rt.members[Int(index)]
            return members(applicator, r, &annotations)
        case .propertyNames(let node, _):
            var valid = true
            var m = r + 2
            for _ in 0..<count {
                // The key is a string value on the tape: validate it in place.
                if !child(node, m, key: m) {
                    valid = false
                    if !collect || full { return false }
                }
                m = tape.end(m + 2)
            }
            return valid
        case .dependentSchemas(let index, _):
            var valid = true
            for (name, node) in rt.dependentSchemas[Int(index)] where tape.member(r, named: name) != nil {
                if !inPlace(node, r, &annotations) {
                    valid = false
                    if !collect || full { return false }
                }
            }
            return valid
        case .unevaluatedProperties(let node, let site):
            var valid = true
            let isFalse = rt.info[Int(node)].isFalse
            var m = r + 2
            for k in 0..<count {
                if !annotations.isPropertyEvaluated(k) {
                    if isFalse {
                        if collect {
                            report(
                                "schema.unevaluatedProperties", "`\(tape.string(m))` is not allowed here", site: site,
                                at: .key(tape.string(m)))
                        }
                        valid = false
                    } else if !child(node, m + 2, key: m) {
                        valid = false
                    }
                    if !valid && (!collect || full) { return false }
                }
                m = tape.end(m + 2)
            }
            if valid { annotations.allProperties = true }
            return valid
        default:
            return true
        }
    }

    mutating func members(_ applicator: MemberApplicator, _ r: Int, _ annotations: inout Annotations) -> Bool {
        var valid = true
        let count = tape.count(r)
        var hint = 0
        var m = r + 2
        for k in 0..<count {
            let value = m + 2
            var matched = false
            if let p = applicator.lookup(tape, m, hint: hint) {
                matched = true
                hint = p + 1
                if applicator.hasAccessFlags && options.strictAccess && !accessAllowed(applicator.access[p]) {
                    if collect {
                        let key = tape.string(m)
                        report(
                            "schema.access",
                            options.direction == .request
                                ? "`\(key)` is read-only and must not be sent in a request"
                                : "`\(key)` is write-only and must not be returned in a response",
                            site: applicator.propertiesSite, at: .key(key))
                    }
                    valid = false
                    if !collect || full { return false }
                }
                if !child(applicator.nodes[p], value, key: m) {
                    valid = false
                    if !collect || full { return false }
                }
            }
            if !applicator.patterns.isEmpty {
                for (pattern, node) in applicator.patterns {
                    let matcher = rt.patterns[Int(pattern)]
                    guard tape.withString(m, { matcher.matches(utf8: $0) }) else { continue }
                    matched = true
                    if !child(node, value, key: m) {
                        valid = false
                        if !collect || full { return false }
                    }
                }
            }
            if !matched && applicator.additional >= 0 {
                matched = true
                if rt.info[Int(applicator.additional)].isFalse {
                    if collect {
                        let key = tape.string(m)
                        report(
                            "schema.additionalProperties", "`\(key)` is not allowed here",
                            site: applicator.additionalSite,
                            at: .key(key))
                    }
                    valid = false
                    if !collect || full { return false }
                } else if !child(applicator.additional, value, key: m) {
                    valid = false
                    if !collect || full { return false }
                }
            }
            if matched && annotations.active { annotations.markProperty(k, of: count) }
            m = tape.end(value)
        }
        return valid
    }

    func accessAllowed(_ access: Access) -> Bool {
        switch options.direction {
        case .request: return !access.contains(.readOnly)
        case .response: return !access.contains(.writeOnly)
        case .none: return true
        }
    }
}
