import HTTPTypes

/// A message's header fields as the checks read them: swift-http-types fields, or the (name, value)
/// pairs of a capture read in place.
///
/// Building `HTTPFields` from pairs validates every name and value, which costs more than the few
/// lookups a validation makes (`Content-Type`, `Accept`, the declared headers), so pairs are kept
/// as they are and `HTTPFields` are built only when something needs them all (strict mode, a header
/// parameter, a caller reading ``RequestValidation/headerFields``). Lookups answer exactly what the
/// built fields would: names compared case-insensitively, pairs with invalid names ignored, values
/// legalized as `HTTPField` does, several fields of a name joined.
struct HeaderSource: Sendable {
    enum Storage: Sendable {
        case fields(HTTPFields)
        case pairs([(String, String)])
    }

    var storage: Storage

    init(_ fields: HTTPFields) { storage = .fields(fields) }

    init(pairs: [(String, String)]) { storage = .pairs(pairs) }

    /// The fields, built from the pairs when that is what this holds.
    var httpFields: HTTPFields {
        switch storage {
        case .fields(let fields): return fields
        case .pairs(let pairs): return Validator.fields(pairs)
        }
    }

    /// The value of `name` as `HTTPFields.value(of:)` gives it.
    func value(of name: HTTPField.Name) -> String? {
        switch storage {
        case .fields(let fields):
            return fields.value(of: name)
        case .pairs(let pairs):
            var target = name.canonicalName
            // The name's bytes once, for every pair; the pairs read through their buffer (indexing
            // the array retained and released each name).
            let found = target.withUTF8 { t -> Int? in
                pairs.withUnsafeBufferPointer { p -> Int? in
                    var found = -1
                    var k = 0
                    while k < p.count {
                        if Self.sameName(p[k].0, t) {
                            // Several fields of the name are joined; leave that to the fields themselves.
                            if found >= 0 { return nil }
                            found = k
                        }
                        k &+= 1
                    }
                    return found
                }
            }
            guard let found else { return httpFields.value(of: name) }
            guard found >= 0 else { return nil }
            let value = pairs[found].1
            return Self.isLegalValue(value) ? value : HTTPField(name: name, value: value).value
        }
    }

    /// Whether the field name `field` is the name with bytes `name`, but for ASCII case.
    @inline(__always) static func sameName(_ field: String, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard field.utf8.count == name.count else { return false }
        return field.utf8.withContiguousStorageIfAvailable { HTTPSyntax.equalsIgnoringCase($0, name) }
            ?? field.utf8.elementsEqual(name) { HTTPSyntax.lowercased($0) == HTTPSyntax.lowercased($1) }
    }

    /// Whether `value` is kept as it is by `HTTPField` (RFC 9110 field-value: visible ASCII,
    /// obs-text, and spaces or tabs that neither start nor end it): what `HTTPField.isValidValue`
    /// answers, in a plain byte loop.
    static func isLegalValue(_ value: String) -> Bool {
        value.utf8.withContiguousStorageIfAvailable { isLegalValue($0) }
            ?? Array(value.utf8).withUnsafeBufferPointer { isLegalValue($0) }
    }

    static func isLegalValue(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, let last = b.last else { return true }
        if first == 0x09 || first == 0x20 || last == 0x09 || last == 0x20 { return false }
        // Eight bytes at a time while none is a control character or DEL (tabs included, so
        // the byte loop below judges any word that has one).
        var k = 0
        if let base = b.baseAddress {
            while k &+ 8 <= b.count {
                let word = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                let control = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                let del = word ^ 0x7F7F_7F7F_7F7F_7F7F
                let delHit = (del &- 0x0101_0101_0101_0101) & ~del & 0x8080_8080_8080_8080
                if control | delHit != 0 { break }
                k &+= 8
            }
        }
        while k < b.count {
            let c = b[k]
            if c &- 0x21 >= 0x5E && c < 0x80 && c != 0x09 && c != 0x20 { return false }
            k &+= 1
        }
        return true
    }

    /// Every value of `name`, as `HTTPFields[values:]` gives them.
    func values(of name: HTTPField.Name) -> [String] {
        switch storage {
        case .fields(let fields):
            return fields[values: name]
        case .pairs(let pairs):
            var values: [String] = []
            let target = name.canonicalName
            for (field, value) in pairs where HTTPSyntax.equalsIgnoringCase(field, target) {
                values.append(Self.isLegalValue(value) ? value : HTTPField(name: name, value: value).value)
            }
            return values
        }
    }
}
