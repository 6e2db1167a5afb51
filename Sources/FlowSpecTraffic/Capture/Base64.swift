/// Base64 decoding for captured bodies (RFC 4648 section 4, with the section 5 URL-safe alphabet also
/// accepted, since capture tools differ).
///
/// Whitespace (line breaks every 76 characters, as MIME writes) is skipped and padding is optional.
/// On the first character that is not base64 the decoding stops: the bytes decoded so far are
/// returned with the offset of the bad character, so the entry keeps what could be read.
enum Base64 {
    struct Decoded {
        var bytes: [UInt8]
        /// Offset (in the input) of the first invalid character, or `nil` when the input is valid.
        var invalidOffset: Int?
    }

    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(c)] = UInt8(i)
        }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    static func decode(_ input: some Collection<UInt8>) -> Decoded {
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var bits = 0
        var padding = 0
        var offset = 0
        for c in input {
            defer { offset += 1 }
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "="):
                padding += 1
                continue
            default: break
            }
            let value = table[Int(c)]
            // Data after padding is as invalid as a character outside the alphabet.
            guard value != 0xFF, padding == 0 else { return Decoded(bytes: out, invalidOffset: offset) }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        // One leftover character (6 bits) cannot encode a byte.
        if bits == 6 || padding > 2 { return Decoded(bytes: out, invalidOffset: max(0, offset - 1)) }
        return Decoded(bytes: out, invalidOffset: nil)
    }
}
