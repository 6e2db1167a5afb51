/// `properties`, `patternProperties` and `additionalProperties` together: one pass over the
/// instance's members.
///
/// A class so that the evaluator reaches it through one reference (no per-field reference
/// counting); filled while compiling and never changed afterwards. Since it never changes once
/// shared, its properties skip the runtime's exclusivity checks (which cost a `swift_beginAccess`
/// call per read on the evaluator's hottest path).
final class MemberApplicator: @unchecked Sendable {
    @exclusivity(unchecked) var names: [String] = []
    @exclusivity(unchecked) var nodes: [Int32] = []
    @exclusivity(unchecked) var access: [Access] = []
    /// For many properties, an index by name; small tables are scanned (faster for API objects).
    @exclusivity(unchecked) var index: [String: Int]? = nil
    @exclusivity(unchecked) var patterns: [(pattern: Int32, node: Int32)] = []
    @exclusivity(unchecked) var additional: Int32 = -1
    @exclusivity(unchecked) var propertiesSite: Int32 = 0
    @exclusivity(unchecked) var patternSite: Int32 = 0
    @exclusivity(unchecked) var additionalSite: Int32 = 0
    @exclusivity(unchecked) var hasAccessFlags = false
    /// The names' UTF-8 bytes, compared with the instance's keys on the tape.
    @exclusivity(unchecked) var utf8Names: [[UInt8]] = []
    /// For many properties: name hash to index (collisions fall back to a scan).
    @exclusivity(unchecked) var hashIndex: [UInt64: Int]? = nil

    /// Prepares the byte forms once the names are known.
    func seal() {
        utf8Names = names.map { Array($0.utf8) }
        if names.count > 8 {
            var table: [UInt64: Int] = [:]
            for (k, name) in utf8Names.enumerated() where table[fnv1a(name[...])] == nil { table[fnv1a(name[...])] = k }
            hashIndex = table
        }
    }

    /// ``lookup(_:_:)``, trying property `hint` first: members mostly come in the schema's order,
    /// so the one after the last found is a good guess (names are distinct, so a hit is the same
    /// answer), and a hit skips the scan or the hashing.
    @inline(__always) func lookup(_ tape: JSONTape, _ r: Int, hint: Int) -> Int? {
        if hint < utf8Names.count && tape.stringEquals(r, utf8Names[hint]) { return hint }
        return lookup(tape, r)
    }

    /// The index of the property named by the tape string at `r`.
    @inline(__always) func lookup(_ tape: JSONTape, _ r: Int) -> Int? {
        if let hashIndex {
            let hash = tape.withString(r) { fnv1a($0[...]) }
            if let k = hashIndex[hash], tape.stringEquals(r, utf8Names[k]) { return k }
        }
        for k in 0..<utf8Names.count where tape.stringEquals(r, utf8Names[k]) { return k }
        return nil
    }
}

/// FNV-1a, a small deterministic hash for property names.
@inline(__always)
func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return hash
}
