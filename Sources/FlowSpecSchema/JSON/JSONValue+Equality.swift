/// JSON Schema equality: numbers by value, strings by code points (not Unicode canonical
/// equivalence, which Swift's `String ==` uses), arrays in order, objects whatever their order.
extension JSONValue: Hashable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return exactlyEqual(a, b)
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b):
            hasher.combine(1)
            hasher.combine(b)
        case .number(let n):
            hasher.combine(2)
            hasher.combine(n)
        case .string(let s):
            hasher.combine(3)
            hashExactly(s, into: &hasher)
        case .array(let a):
            hasher.combine(4)
            hasher.combine(a.count)
            for element in a { hasher.combine(element) }
        case .object(let o):
            hasher.combine(5)
            hasher.combine(o)
        }
    }
}

/// Whether two strings have the same code points (byte-equal UTF-8).
@inline(__always)
func exactlyEqual(_ a: String, _ b: String) -> Bool {
    let au = a.utf8
    let bu = b.utf8
    guard au.count == bu.count else { return false }
    if let result = au.withContiguousStorageIfAvailable({ x in
        bu.withContiguousStorageIfAvailable { y in
            x.count == 0 || memcmpEqual(x, y)
        }
    }), let result {
        return result
    }
    return au.elementsEqual(bu)
}

@inline(__always)
private func memcmpEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let xb = x.baseAddress, let yb = y.baseAddress else { return x.count == y.count }
    var k = 0
    let n = x.count
    while k + 8 <= n {
        if UnsafeRawPointer(xb + k).loadUnaligned(as: UInt64.self)
            != UnsafeRawPointer(yb + k).loadUnaligned(as: UInt64.self)
        {
            return false
        }
        k += 8
    }
    while k < n {
        if xb[k] != yb[k] { return false }
        k += 1
    }
    return true
}

/// Hashes a string's UTF-8 bytes, consistently with ``exactlyEqual(_:_:)``.
func hashExactly(_ s: String, into hasher: inout Hasher) {
    let utf8 = s.utf8
    hasher.combine(utf8.count)
    if utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
        for byte in utf8 { hasher.combine(byte) }
    }
}
