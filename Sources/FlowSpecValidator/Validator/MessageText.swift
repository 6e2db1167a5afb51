/// Joins the pieces of a violation's message (`query limit at /x: must be ...`) into one string.
///
/// An interpolation grows its buffer once per piece it appends (an allocation and a copy each time);
/// this measures the pieces and writes them into a string of exactly their length, once.
enum MessageText {
    static func join(_ a: String, _ b: String, _ c: String, _ d: String = "", _ e: String = "") -> String {
        let count = a.utf8.count &+ b.utf8.count &+ c.utf8.count &+ d.utf8.count &+ e.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = 0
            at = copy(a, into: buffer, at: at)
            at = copy(b, into: buffer, at: at)
            at = copy(c, into: buffer, at: at)
            at = copy(d, into: buffer, at: at)
            return copy(e, into: buffer, at: at)
        }
    }

    /// Copies `text`'s UTF-8 into `buffer` from `at`; where the copy ends.
    @inline(__always)
    private static func copy(_ text: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        let count = text.utf8.count
        guard count > 0 else { return at }
        var text = text
        text.withUTF8 { bytes in
            // `buffer` was sized for every piece, so this stays inside it.
            UnsafeMutableRawPointer(buffer.baseAddress! + at).copyMemory(from: bytes.baseAddress!, byteCount: count)
        }
        return at &+ count
    }
}
