internal import FlowSpecModel

extension Evaluator {
    mutating func array(_ op: Op, _ r: Int, _ annotations: inout Annotations) -> Bool {
        let count = tape.count(r)
        switch op {
        case .minItems(let limit, let site):
            if count >= limit { return true }
            if collect {
                report("schema.minItems", "must have at least \(Messages.items(limit)) (it has \(count))", site: site)
            }
            return false
        case .maxItems(let limit, let site):
            if count <= limit { return true }
            if collect {
                report("schema.maxItems", "must have at most \(Messages.items(limit)) (it has \(count))", site: site)
            }
            return false
        case .uniqueItems(let site):
            guard let (first, second) = firstDuplicate(r) else { return true }
            if collect {
                report(
                    "schema.uniqueItems", "items \(first) and \(second) are equal, but items must be unique", site: site
                )
            }
            return false
        case .items(let index):
            return items(rt.items[Int(index)], r, &annotations)
        case .contains(let applicator):
            return contains(applicator, r, &annotations)
        case .unevaluatedItems(let node, let site):
            var valid = true
            var e = r + 2
            let isFalse = rt.info[Int(node)].isFalse
            for k in 0..<count {
                if !annotations.isItemEvaluated(k) {
                    if isFalse {
                        if collect {
                            report(
                                "schema.unevaluatedItems", "item \(k) is not allowed here", site: site, at: .index(k))
                        }
                        valid = false
                    } else if !child(node, e, index: k) {
                        valid = false
                    }
                    if !valid && (!collect || full) { return false }
                }
                e = tape.end(e)
            }
            if valid { annotations.allItems = true }
            return valid
        default:
            return true
        }
    }

    func firstDuplicate(_ r: Int) -> (Int, Int)? {
        let count = tape.count(r)
        if count < 2 { return nil }
        var elements: [Int] = []
        elements.reserveCapacity(count)
        var e = r + 2
        for _ in 0..<count {
            elements.append(e)
            e = tape.end(e)
        }
        if count <= 16 {
            for i in 0..<count {
                for j in (i + 1)..<count where tape.equals(elements[i], elements[j]) { return (i, j) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        for (k, element) in elements.enumerated() {
            let value = tape.value(element)
            if let first = seen[value] { return (first, k) }
            seen[value] = k
        }
        return nil
    }

    mutating func items(_ applicator: ItemsApplicator, _ r: Int, _ annotations: inout Annotations) -> Bool {
        var valid = true
        let count = tape.count(r)
        let prefixCount = min(applicator.prefix.count, count)
        var e = r + 2
        for k in 0..<prefixCount {
            if !child(applicator.prefix[k], e, index: k) {
                valid = false
                if !collect || full { return false }
            }
            e = tape.end(e)
        }
        if applicator.rest >= 0 && count > prefixCount {
            let rest = applicator.rest
            if rt.info[Int(rest)].isFalse {
                if collect {
                    report(
                        "schema.items", "must have at most \(Messages.items(prefixCount)) (it has \(count))",
                        site: applicator.restSite)
                }
                return false
            }
            for k in prefixCount..<count {
                if !child(rest, e, index: k) {
                    valid = false
                    if !collect || full { return false }
                }
                e = tape.end(e)
            }
        }
        if valid && annotations.active {
            annotations.itemsPrefix = max(annotations.itemsPrefix, prefixCount)
            if applicator.rest >= 0 { annotations.allItems = true }
        }
        return valid
    }

    mutating func contains(_ applicator: ContainsApplicator, _ r: Int, _ annotations: inout Annotations) -> Bool {
        var matches = 0
        let count = tape.count(r)
        let saved = collect
        collect = false
        var e = r + 2
        for k in 0..<count {
            if child(applicator.node, e, index: k) {
                matches += 1
                annotations.markItem(k, of: count)
                if applicator.max < 0 && matches >= applicator.min && !annotations.active { break }
            }
            e = tape.end(e)
        }
        collect = saved
        if matches < applicator.min {
            if collect {
                report(
                    "schema.contains",
                    "must contain at least \(Messages.items(applicator.min)) matching the `contains` schema (it has \(matches))",
                    site: applicator.minSite)
            }
            return false
        }
        if applicator.max >= 0 && matches > applicator.max {
            if collect {
                report(
                    "schema.maxContains",
                    "must contain at most \(Messages.items(applicator.max)) matching the `contains` schema (it has \(matches))",
                    site: applicator.maxSite)
            }
            return false
        }
        return true
    }
}
