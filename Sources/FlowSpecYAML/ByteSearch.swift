#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring search over bytes, for the layers that ask whether a text holds a fixed needle before
/// they do any slower, character-aware work.
package enum ByteSearch {
    /// Whether `needle` occurs in `haystack` as a run of bytes (an empty needle always does).
    ///
    /// `memchr` to each occurrence of the needle's first byte, then one comparison there.
    package static func contains(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.baseAddress, needle.count > 0 else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last, let found = memchr(base + offset, Int32(first.pointee), last + 1 - offset) {
            let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if memcmp(base + at, first, needle.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }
}
