import Foundation

/// An RFC 6901 JSON pointer, kept as its unescaped reference tokens.
///
/// Built from components and rendered only at the edge, so that no structure is round-tripped
/// through strings. `~1` is decoded before `~0`, as RFC 6901 section 4 requires (so `~01` is `~1`).
public struct JSONPointer: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// The unescaped reference tokens, outermost first.
    public var tokens: [String]

    public init(_ tokens: [String] = []) { self.tokens = tokens }

    public init(arrayLiteral elements: String...) { self.tokens = elements }

    /// The pointer to the whole document.
    public static let root = JSONPointer()

    /// Parses a pointer such as `/paths/~1pets/get`; `nil` if it does not start with `/` (and is not empty).
    public init?(parsing text: some StringProtocol) {
        if text.isEmpty {
            self.tokens = []
            return
        }
        guard text.first == "/" else { return nil }
        // Split on bytes: `/` is ASCII, so it never falls inside a multi-byte character.
        var tokens: [String] = []
        let string = String(text)
        let utf8 = string.utf8
        var start = utf8.index(after: utf8.startIndex)
        var i = start
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: "/") {
                tokens.append(Self.unescape(Substring(utf8[start..<i])))
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        tokens.append(Self.unescape(Substring(utf8[start..<utf8.endIndex])))
        self.tokens = tokens
    }

    /// Parses the fragment of a URI reference (`#/components/schemas/Flow`), percent-decoding it once
    /// before splitting, as RFC 6901 section 6 requires. `nil` for a fragment that is not a pointer.
    public init?(fragment: some StringProtocol) {
        var text = Substring(fragment)
        if text.first == "#" { text = text.dropFirst() }
        guard let decoded = Self.percentDecoded(text) else { return nil }
        self.init(parsing: decoded)
    }

    /// The pointer with `token` appended.
    public func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(token)
        return copy
    }

    /// The pointer with an array index appended.
    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    /// The pointer with `other`'s tokens appended.
    public func appending(_ other: JSONPointer) -> JSONPointer {
        var copy = self
        copy.tokens.append(contentsOf: other.tokens)
        return copy
    }

    /// The pointer one level up; the root's parent is the root.
    public var parent: JSONPointer { JSONPointer(Array(tokens.dropLast())) }

    public var isRoot: Bool { tokens.isEmpty }

    /// The RFC 6901 string form, such as `/paths/~1pets/get`.
    public var description: String {
        // Measured, then written once into a string of that length: appending piece by piece grew
        // the string (an allocation and a copy) several times per pointer, and every violation in
        // a body renders one.
        var count = 0
        for token in tokens {
            count &+= 1 &+ token.utf8.count
            for byte in token.utf8 where Self.escapeCode(byte) != nil { count &+= 1 }
        }
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = 0
            for token in tokens {
                buffer[at] = UInt8(ascii: "/")
                at &+= 1
                for byte in token.utf8 {
                    if let code = Self.escapeCode(byte) {
                        buffer[at] = UInt8(ascii: "~")
                        buffer[at &+ 1] = code
                        at &+= 2
                    } else {
                        buffer[at] = byte
                        at &+= 1
                    }
                }
            }
            return at
        }
    }

    /// The URI fragment form, such as `#/paths/~1pets/get`, with characters that are not allowed in a
    /// fragment percent-encoded.
    public var fragment: String {
        // Built as bytes: the example checker and the schema compiler render a fragment for every
        // schema they look up, and appending scalars to a String one at a time dominated that.
        var bytes: [UInt8] = [UInt8(ascii: "#")]
        bytes.reserveCapacity(tokens.reduce(1) { $0 + $1.utf8.count + 1 })
        for token in tokens {
            bytes.append(UInt8(ascii: "/"))
            Self.appendEscaped(token, to: &bytes, other: Self.appendFragmentByte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes `~1` to `/` and then `~0` to `~`, in one left-to-right pass (so `~01` is `~1`).
    static func unescape(_ token: some StringProtocol) -> String {
        guard Self.contains(UInt8(ascii: "~"), in: token) else { return String(token) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(token.utf8.count)
        var iterator = token.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "~") else {
                bytes.append(byte)
                continue
            }
            switch iterator.next() {
            case UInt8(ascii: "1"): bytes.append(UInt8(ascii: "/"))
            case UInt8(ascii: "0"): bytes.append(UInt8(ascii: "~"))
            case let other?:
                bytes.append(byte)
                bytes.append(other)
            case nil: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func escape(_ token: String) -> String {
        // Bytes, not Characters: `~` and `/` are ASCII, so they never occur inside a multi-byte character.
        guard token.utf8.contains(where: { escapeCode($0) != nil }) else { return token }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(token.utf8.count + 4)
        appendEscaped(token, to: &bytes) { byte, bytes in bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `token` with `~` written `~0` and `/` written `~1`, and each other byte through
    /// `other`: as it is for the string form, percent-encoded where needed for a fragment.
    @inline(__always)
    private static func appendEscaped(_ token: String, to bytes: inout [UInt8], other: (UInt8, inout [UInt8]) -> Void) {
        for byte in token.utf8 {
            // Two appends, not an array of two: that literal was an allocation per escape, and a
            // path key (`/repos/{owner}`) has one per segment.
            if let code = escapeCode(byte) {
                bytes.append(UInt8(ascii: "~"))
                bytes.append(code)
            } else {
                other(byte, &bytes)
            }
        }
    }

    /// What follows `~` in the escape of `byte` (`~0` for `~`, `~1` for `/`), or `nil` for a byte
    /// that stands as it is: the one rule of the string form, the fragment form and ``escape(_:)``.
    @inline(__always) private static func escapeCode(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "~"): return UInt8(ascii: "0")
        case UInt8(ascii: "/"): return UInt8(ascii: "1")
        default: return nil
        }
    }

    /// `byte` as it may stand in a URI fragment: itself, or percent-encoded.
    private static func appendFragmentByte(_ byte: UInt8, to bytes: inout [UInt8]) {
        guard !isFragmentSafe(byte) else {
            bytes.append(byte)
            return
        }
        let hex: StaticString = "0123456789ABCDEF"
        hex.withUTF8Buffer { digits in
            bytes.append(UInt8(ascii: "%"))
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
    }

    private static func isFragmentSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"),
            UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
            UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    /// Whether `text` holds `byte`, scanning its contiguous UTF-8 (a generic walk of a substring's
    /// UTF-8 view costs far more, and references and pointers are checked by the thousand).
    private static func contains(_ byte: UInt8, in text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? text.utf8.contains(byte)
    }

    /// Percent-decodes `text` once; `nil` if an escape is malformed or the result is not UTF-8.
    public static func percentDecoded(_ text: some StringProtocol) -> String? {
        guard Self.contains(UInt8(ascii: "%"), in: text) else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let pointer = JSONPointer(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a JSON pointer"))
        }
        self = pointer
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
