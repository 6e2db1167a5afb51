/// Splits one fuzz input into the pieces a target needs.
///
/// Targets that take several inputs (a schema and an instance, a root spec and the files it
/// references) read them from one byte string cut at a separator line, so a seed is an ordinary
/// text file and libFuzzer's mutations can move bytes between the pieces.
public struct FuzzInput: Sendable {
    /// The raw bytes.
    public let bytes: [UInt8]

    /// The line that separates pieces: `\n%%\n`.
    public static let separator: [UInt8] = Array("\n%%\n".utf8)

    public init(_ start: UnsafeRawPointer, _ count: Int) {
        bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// One of `n` choices, picked by the input's length and a salt that tells switches apart.
    ///
    /// The length, not a content byte, drives the switches: a seed is then a plain document whose
    /// first byte means what it says, and every mutation that grows or shrinks the input moves all
    /// switches at once.
    public func choice(_ n: Int, salt: UInt64) -> Int {
        var x = UInt64(bytes.count) &+ (salt &+ 1) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 30
        x &*= 0xBF58_476D_1CE4_E5B9
        x ^= x >> 27
        x &*= 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        return Int(x % UInt64(max(n, 1)))
    }

    /// Whether a switch that is on one time in `n` is on.
    public func oneIn(_ n: Int, salt: UInt64) -> Bool { choice(n, salt: salt) == 0 }

    /// Up to `limit` pieces cut at ``separator``; the last piece keeps any further separators.
    public func pieces(limit: Int) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        var index = 0
        let separator = Self.separator
        while index + separator.count <= bytes.count, result.count < limit - 1 {
            if bytes[index] == separator[0], Array(bytes[index..<(index + separator.count)]) == separator {
                result.append(Array(bytes[start..<index]))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        result.append(Array(bytes[start...]))
        return result
    }
}
