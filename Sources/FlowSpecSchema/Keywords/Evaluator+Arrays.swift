internal import FlowSpecModel

extension Evaluator {
    mutating func array(_ op: Op, _ array: [JSONValue], _ annotations: inout Annotations) -> Bool {
        switch op {
        case .minItems(let limit, let site):
            if array.count >= limit { return true }
            report("schema.minItems", "must have at least \(Messages.items(limit)) (it has \(array.count))", site: site)
            return false
        case .maxItems(let limit, let site):
            if array.count <= limit { return true }
            report("schema.maxItems", "must have at most \(Messages.items(limit)) (it has \(array.count))", site: site)
            return false
        case .uniqueItems(let site):
            guard let (first, second) = Self.firstDuplicate(array) else { return true }
            report("schema.uniqueItems", "items \(first) and \(second) are equal, but items must be unique", site: site)
            return false
        case .items(let index):
            return items(program.items[Int(index)], array, &annotations)
        case .contains(let applicator):
            return contains(applicator, array, &annotations)
        case .unevaluatedItems(let node, let site):
            var valid = true
            for (k, item) in array.enumerated() where !annotations.isItemEvaluated(k) {
                if program.info[Int(node)].isFalse {
                    report("schema.unevaluatedItems", "item \(k) is not allowed here", site: site, at: .index(k))
                    valid = false
                } else if !child(node, item, index: k) {
                    valid = false
                }
                if !valid && (!collect || full) { return false }
            }
            if valid { annotations.allItems = true }
            return valid
        default:
            return true
        }
    }

    static func firstDuplicate(_ array: [JSONValue]) -> (Int, Int)? {
        if array.count < 2 { return nil }
        if array.count <= 16 {
            for i in 0..<array.count {
                for j in (i + 1)..<array.count where array[i] == array[j] { return (i, j) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        for (k, item) in array.enumerated() {
            if let first = seen[item] { return (first, k) }
            seen[item] = k
        }
        return nil
    }

    mutating func items(_ applicator: ItemsApplicator, _ array: [JSONValue], _ annotations: inout Annotations) -> Bool {
        var valid = true
        let prefixCount = min(applicator.prefix.count, array.count)
        for k in 0..<prefixCount where !child(applicator.prefix[k], array[k], index: k) {
            valid = false
            if !collect || full { return false }
        }
        if applicator.rest >= 0 && array.count > prefixCount {
            let rest = applicator.rest
            if program.info[Int(rest)].isFalse {
                report(
                    "schema.items",
                    "must have at most \(Messages.items(prefixCount)) (it has \(array.count))", site: applicator.restSite)
                return false
            }
            for k in prefixCount..<array.count where !child(rest, array[k], index: k) {
                valid = false
                if !collect || full { return false }
            }
        }
        if valid && annotations.active {
            annotations.itemsPrefix = max(annotations.itemsPrefix, prefixCount)
            if applicator.rest >= 0 { annotations.allItems = true }
        }
        return valid
    }

    mutating func contains(
        _ applicator: ContainsApplicator, _ array: [JSONValue], _ annotations: inout Annotations
    ) -> Bool {
        var matches = 0
        let saved = collect
        collect = false
        for (k, item) in array.enumerated() where child(applicator.node, item, index: k) {
            matches += 1
            annotations.markItem(k, of: array.count)
            if applicator.max < 0 && matches >= applicator.min && !annotations.active { break }
        }
        collect = saved
        if matches < applicator.min {
            let site = applicator.min == 1 && applicator.minSite == applicator.site ? applicator.site : applicator.minSite
            report(
                "schema.contains",
                "must contain at least \(Messages.items(applicator.min)) matching the `contains` schema (it has \(matches))",
                site: site)
            return false
        }
        if applicator.max >= 0 && matches > applicator.max {
            report(
                "schema.maxContains",
                "must contain at most \(Messages.items(applicator.max)) matching the `contains` schema (it has \(matches))",
                site: applicator.maxSite)
            return false
        }
        return true
    }
}
