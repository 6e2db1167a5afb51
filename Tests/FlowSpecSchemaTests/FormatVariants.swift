import Testing

/// Inputs for the tests that hold a format's fast path to its reference: valid values and the
/// values one edit away from them.
enum FormatVariants {
    /// Bytes worth trying in every position: digits, letters, the separators of the formats,
    /// space, control, DEL, and bytes that start, continue or cannot be UTF-8.
    static let interesting: [UInt8] =
        Array("0129afgzAFGZTtxnXN-:.Z+@[]\"\\_!~ ".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC3, 0xFF]

    /// `base`, and every single-byte replacement (with every byte value when `allBytes`, else the
    /// interesting ones), deletion, insertion of an interesting byte, truncation and extension.
    static func around(_ base: [UInt8], allBytes: Bool = true) -> [[UInt8]] {
        var out: [[UInt8]] = [base]
        let replacements: [UInt8] = allBytes ? Array(0...255) : interesting
        for position in base.indices {
            for byte in replacements where byte != base[position] {
                var copy = base
                copy[position] = byte
                out.append(copy)
            }
            var shorter = base
            shorter.remove(at: position)
            out.append(shorter)
            out.append(Array(base[..<position]))
        }
        for position in 0...base.count {
            for byte in interesting {
                var longer = base
                longer.insert(byte, at: position)
                out.append(longer)
            }
        }
        return out
    }

    /// Every input of `bases` and around each of them.
    static func around(_ bases: [String], allBytes: Bool = true) -> [[UInt8]] {
        bases.flatMap { around(Array($0.utf8), allBytes: allBytes) }
    }

    /// The inputs on which `fast` and `reference` disagree, readable.
    static func disagreements(
        _ inputs: [[UInt8]], _ fast: (UnsafeBufferPointer<UInt8>) -> Bool,
        _ reference: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> [String] {
        var out: [String] = []
        for input in inputs {
            let (a, b) = input.withUnsafeBufferPointer { (fast($0), reference($0)) }
            if a != b { out.append("\(describe(input)): fast \(a), reference \(b)") }
        }
        return out
    }

    /// How many of `inputs` a fast path for the common shape (`common`: `nil` where it does not
    /// answer) answered and accepted; each answer is expected to be `reference`'s.
    static func commonAnswers(
        _ inputs: [[UInt8]], _ common: (UnsafeBufferPointer<UInt8>) -> Bool?,
        _ reference: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> (answered: Int, accepted: Int) {
        var answered = 0
        var accepted = 0
        for input in inputs {
            let (fast, expected) = input.withUnsafeBufferPointer { (common($0), reference($0)) }
            guard let fast else { continue }
            answered += 1
            if fast { accepted += 1 }
            #expect(fast == expected, "\(describe(input))")
        }
        return (answered, accepted)
    }

    /// The text (its first 80 bytes, repaired) and, for short inputs, the bytes themselves.
    static func describe(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(80), as: UTF8.self).debugDescription
        return bytes.count <= 40 ? "\(text) \(bytes)" : "\(text)... (\(bytes.count) bytes)"
    }
}
