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
        if let key = PackedName(name.canonicalName) { return value(of: name, key: key) }
        // A name longer than a packed one holds: compared byte by byte.
        var target = name.canonicalName
        return target.withUTF8 { t in withValue(of: name, where: ByteName(bytes: t)) { $0 } }
    }

    /// ``value(of:)`` with the name's packed form given (the hot callers pass constants such as
    /// ``PackedName/contentType``: packing the name on each lookup cost about a hundred
    /// instructions).
    func value(of name: HTTPField.Name, key: PackedName) -> String? {
        withValue(of: name, key: key) { $0 }
    }

    /// Calls `body` with ``value(of:key:)``, found and checked inside the pairs' buffer (returning
    /// it from there kept the array retained over the lookup, and the string once more).
    @inline(__always) func withValue<R>(of name: HTTPField.Name, key: PackedName, _ body: (String?) -> R) -> R {
        // A name is compared only when its length (kept in the string itself, so no bytes are
        // read) is the key's.
        withValue(of: name, where: key, body)
    }

    /// Calls `body` with the value of the one pair whose name `isName` accepts (`name`'s), as
    /// `HTTPFields.value(of:)` gives it. Generic over the matcher rather than taking a closure,
    /// so that each caller's comparison is specialised into the loop (a closure cost about 35
    /// instructions per exchange in the exchange benchmark).
    @inline(__always) private func withValue<R, Name: FieldName>(
        of name: HTTPField.Name, where isName: Name, _ body: (String?) -> R
    ) -> R {
        guard case .pairs(let pairs) = storage else { return body(httpFields.value(of: name)) }
        // One pass over the pairs read through their buffer (indexing the array retained and
        // released each name). Everything is done inside: reading the array again afterwards kept
        // it retained over the whole lookup.
        return pairs.withUnsafeBufferPointer { p -> R in
            var found = -1
            var k = 0
            while k < p.count {
                if isName.matches(p[k].0) {
                    // Several fields of the name are joined; leave that to the fields themselves.
                    if found >= 0 { return body(httpFields.value(of: name)) }
                    found = k
                }
                k &+= 1
            }
            guard found >= 0 else { return body(nil) }
            // One copy, which the check and `body` share: each read of the buffer copied the string.
            let value = p[found].1
            return Self.isLegalValue(value) ? body(value) : body(HTTPField(name: name, value: value).value)
        }
    }

    /// What ``withValue(of:where:_:)`` compares each pair's name with.
    protocol FieldName {
        /// Whether `field` is this name but for ASCII case.
        func matches(_ field: String) -> Bool
    }

    /// A lowercase field name of any length, compared byte by byte (``sameName(_:_:)``).
    struct ByteName: FieldName {
        let bytes: UnsafeBufferPointer<UInt8>

        @inline(__always) func matches(_ field: String) -> Bool { HeaderSource.sameName(field, bytes) }
    }

    /// A lowercase field name of one to sixteen bytes, packed so that a field name of the same
    /// length is compared in two words: its first eight bytes and its last eight (they overlap when
    /// it is shorter than sixteen), or all of it in `first` when it is shorter than eight.
    struct PackedName: FieldName, Equatable, Sendable {
        let count: Int
        let first: UInt64
        let last: UInt64

        /// `content-type`.
        static let contentType = PackedName(count: 12, first: 0x2D74_6E65_746E_6F63, last: 0x6570_7974_2D74_6E65)
        /// `accept`.
        static let accept = PackedName(count: 6, first: 0x7470_6563_6361, last: 0)

        init(count: Int, first: UInt64, last: UInt64) {
            self.count = count
            self.first = first
            self.last = last
        }

        /// `nil` when `canonical` (a lowercase name) is empty or longer than sixteen bytes.
        init?(_ canonical: String) {
            let count = canonical.utf8.count
            guard count > 0 && count <= 16,
                let words = canonical.utf8.withContiguousStorageIfAvailable({ Self.words($0) })
            else { return nil }
            self.count = count
            (first, last) = words
        }

        /// The words of `bytes` (one to sixteen of them), ASCII capitals made small.
        @inline(__always) static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
            let count = bytes.count
            guard count >= 8, let base = bytes.baseAddress else {
                var word: UInt64 = 0
                var k = 0
                while k < count {
                    word |= UInt64(bytes[k]) &<< UInt64(8 &* k)
                    k &+= 1
                }
                return (HTTPSyntax.lowercasedWord(word), 0)
            }
            let first = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            let last = UInt64(littleEndian: UnsafeRawPointer(base + (count &- 8)).loadUnaligned(as: UInt64.self))
            return (HTTPSyntax.lowercasedWord(first), HTTPSyntax.lowercasedWord(last))
        }

        /// Whether `field` is this name but for ASCII case. Its length, kept in the string itself,
        /// is compared first, so most other names are told apart without reading their bytes.
        @inline(__always) func matches(_ field: String) -> Bool {
            guard field.utf8.count == count else { return false }
            // Only ASCII capitals are folded, so a non-ASCII byte never equals one of the name's.
            let words = field.utf8.withContiguousStorageIfAvailable { Self.words($0) } ?? Self.words(Array(field.utf8))
            return words.0 == first && words.1 == last
        }

        static func words(_ bytes: [UInt8]) -> (UInt64, UInt64) {
            bytes.withUnsafeBufferPointer { words($0) }
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
