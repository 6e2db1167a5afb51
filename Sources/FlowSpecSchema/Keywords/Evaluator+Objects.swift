internal import FlowSpecModel

extension Evaluator {
    mutating func object(
        _ op: Op, _ object: JSONObject, _ value: JSONValue, _ annotations: inout Annotations
    ) -> Bool {
        switch op {
        case .minProperties(let limit, let site):
            if object.count >= limit { return true }
            report(
                "schema.minProperties", "must have at least \(Messages.properties(limit)) (it has \(object.count))",
                site: site)
            return false
        case .maxProperties(let limit, let site):
            if object.count <= limit { return true }
            report(
                "schema.maxProperties", "must have at most \(Messages.properties(limit)) (it has \(object.count))",
                site: site)
            return false
        case .required(let index, let site):
            let list = program.requireds[Int(index)]
            var valid = true
            for (k, name) in list.names.enumerated() where object.index(forKey: name) == nil {
                let access = list.access[k]
                if options.direction == .request && access.contains(.readOnly) { continue }
                if options.direction == .response && access.contains(.writeOnly) { continue }
                report("schema.required", "`\(name)` is required", site: site)
                valid = false
                if !collect || full { return false }
            }
            return valid
        case .dependentRequired(let index, let site):
            let list = program.dependentRequireds[Int(index)]
            var valid = true
            for (name, required) in list where object.index(forKey: name) != nil {
                for other in required where object.index(forKey: other) == nil {
                    report("schema.dependentRequired", "`\(other)` is required when `\(name)` is present", site: site)
                    valid = false
                    if !collect || full { return false }
                }
            }
            return valid
        case .members(let index):
            return members(program.members[Int(index)], object, &annotations)
        case .propertyNames(let node, let site):
            var valid = true
            for key in object.keys where !child(node, .string(key), key: key) {
                _ = site
                valid = false
                if !collect || full { return false }
            }
            return valid
        case .dependentSchemas(let index, _):
            let list = program.dependentSchemas[Int(index)]
            var valid = true
            for (name, node) in list where object.index(forKey: name) != nil {
                if !inPlace(node, value, &annotations) {
                    valid = false
                    if !collect || full { return false }
                }
            }
            return valid
        case .unevaluatedProperties(let node, let site):
            var valid = true
            let isFalse = program.info[Int(node)].isFalse
            for k in 0..<object.count where !annotations.isPropertyEvaluated(k) {
                let key = object.keys[k]
                if isFalse {
                    report("schema.unevaluatedProperties", "`\(key)` is not allowed here", site: site, at: .key(key))
                    valid = false
                } else if !child(node, object.values[k], key: key) {
                    valid = false
                }
                if !valid && (!collect || full) { return false }
            }
            if valid { annotations.allProperties = true }
            return valid
        default:
            return true
        }
    }

    mutating func members(
        _ applicator: MemberApplicator, _ object: JSONObject, _ annotations: inout Annotations
    ) -> Bool {
        var valid = true
        let keys = object.keys
        let values = object.values
        let count = keys.count
        for k in 0..<count {
            let key = keys[k]
            var matched = false
            if let p = applicator.lookup(key) {
                matched = true
                if applicator.hasAccessFlags && options.strictAccess && !accessAllowed(applicator.access[p], key) {
                    report(
                        "schema.access",
                        options.direction == .request
                            ? "`\(key)` is read-only and must not be sent in a request"
                            : "`\(key)` is write-only and must not be returned in a response",
                        site: applicator.propertiesSite, at: .key(key))
                    valid = false
                    if !collect || full { return false }
                }
                if !child(applicator.nodes[p], values[k], key: key) {
                    valid = false
                    if !collect || full { return false }
                }
            }
            for (pattern, node) in applicator.patterns where program.patterns[Int(pattern)].matches(key) {
                matched = true
                if !child(node, values[k], key: key) {
                    valid = false
                    if !collect || full { return false }
                }
            }
            if !matched && applicator.additional >= 0 {
                matched = true
                if program.info[Int(applicator.additional)].isFalse {
                    report(
                        "schema.additionalProperties", "`\(key)` is not allowed here", site: applicator.additionalSite,
                        at: .key(key))
                    valid = false
                    if !collect || full { return false }
                } else if !child(applicator.additional, values[k], key: key) {
                    valid = false
                    if !collect || full { return false }
                }
            }
            if matched && annotations.active { annotations.markProperty(k, of: count) }
        }
        return valid
    }

    func accessAllowed(_ access: Access, _ key: String) -> Bool {
        switch options.direction {
        case .request: return !access.contains(.readOnly)
        case .response: return !access.contains(.writeOnly)
        case .none: return true
        }
    }
}
