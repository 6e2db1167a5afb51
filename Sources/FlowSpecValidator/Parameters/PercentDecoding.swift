/// Percent-decoding (RFC 3986 §2.1) shared by the router, the query-string parser and the parameter
/// decoders. Decoded text must be UTF-8: `%FF` alone is an error, not a replacement character, so that
/// two different raw values never decode to the same string.
enum PercentDecoding {
    enum Failure: Error, Equatable {
        /// `%` at this UTF-8 offset is not followed by two hexadecimal digits.
        case malformedEscape(offset: Int)
        /// The decoded bytes are not UTF-8.
        case notUTF8
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Decodes `text`; with `plusAsSpace`, `+` is a space (`application/x-www-form-urlencoded`).
    static func decode(_ text: Substring, plusAsSpace: Bool = false) throws(Failure) -> String {
        // Native text is contiguous and read in place; other text is made contiguous first.
        let result =
            text.utf8.withContiguousStorageIfAvailable { decode(bytes: $0, plusAsSpace: plusAsSpace) }
            ?? {
                var copy = String(text)
                return copy.withUTF8 { decode(bytes: $0, plusAsSpace: plusAsSpace) }
            }()
        switch result {
        case .success(let decoded): return decoded ?? String(text)
        case .failure(let failure): throw failure
        }
    }

    /// ``decode(_:plusAsSpace:)`` on contiguous bytes: `nil` when nothing needs decoding (the text
    /// is its own decoding).
    static func decode(bytes: UnsafeBufferPointer<UInt8>, plusAsSpace: Bool) -> Result<String?, Failure> {
        var needsWork = false
        for byte in bytes where byte == UInt8(ascii: "%") || (plusAsSpace && byte == UInt8(ascii: "+")) {
            needsWork = true
            break
        }
        guard needsWork else { return .success(nil) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            let byte = bytes[k]
            if byte == UInt8(ascii: "%") {
                guard k + 1 < bytes.count, let high = hexValue(bytes[k + 1]) else { return .failure(.malformedEscape(offset: k)) }
                guard k + 2 < bytes.count, let low = hexValue(bytes[k + 2]) else { return .failure(.malformedEscape(offset: k)) }
                decoded.append(high << 4 | low)
                k += 3
            } else {
                decoded.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                k += 1
            }
        }
        guard let string = String(validating: decoded, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(string)
    }

    static func decode(_ text: String, plusAsSpace: Bool = false) throws(Failure) -> String {
        try decode(text[...], plusAsSpace: plusAsSpace)
    }

    /// Whether `bytes` is well-formed UTF-8, without allocating.
    static func isUTF8<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
