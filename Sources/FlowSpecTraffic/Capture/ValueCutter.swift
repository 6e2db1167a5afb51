/// Finds where one JSON value ends in a ``ByteWindow`` without parsing it: it follows only string,
/// escape and bracket state, which is enough to cut a HAR's entries apart at scanning speed.
///
/// The value's bytes are kept in the window while they fit the budget; past it they are dropped as
/// they are scanned, so an oversized entry costs one chunk of memory, not its size. Brackets are
/// matched against a stack, so `{"a":[}` is caught where it goes wrong instead of swallowing the
/// rest of the file; anything else that is not JSON is left to ``JSONTape`` on the cut bytes.
struct ValueCutter {
    enum Cut {
        /// The value is at window indices `start..<end`, valid until the window is refilled.
        case complete(start: Int, end: Int)
        /// The value was scanned but not kept: it is larger than the budget (or no budget was given).
        case skipped(size: Int)
        /// The input ended inside the value.
        case truncated
        /// A closing bracket that does not match, at absolute `offset`.
        case mismatch(offset: Int, message: String)
    }

    private var stack: [UInt8] = []

    /// Cuts the value starting at the window's cursor (which must be on its first byte) and leaves the
    /// cursor just past it. `budget` is the most bytes to keep, `nil` to keep none.
    mutating func cut(_ window: ByteWindow, budget: Int?) throws(ChunkInput.Failure) -> Cut {
        let startOffset = window.cursorOffset
        var start = window.cursor
        var keeping = budget != nil
        let limit = budget ?? 0
        var inString = false
        var escaped = false
        stack.removeAll(keepingCapacity: true)
        var i = window.cursor
        let first = window[i]
        let isScalar: Bool
        switch first {
        case UInt8(ascii: "\""):
            inString = true
            isScalar = false
            i += 1
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            stack.append(first)
            isScalar = false
            i += 1
        default:
            isScalar = true
        }
        while true {
            var end: Int?
            let count = window.count
            let base = window.base
            scan: while i < count {
                let c = base[i]
                if inString {
                    if escaped {
                        // The byte after a backslash that ended the previous read.
                        escaped = false
                        i += 1
                        continue
                    }
                    // Jump to the next quote or backslash, eight bytes at a time.
                    while i + 8 <= count {
                        let mask = SWAR.quoteOrBackslashMask(SWAR.load(base + i))
                        if mask != 0 {
                            i += SWAR.firstByte(mask)
                            break
                        }
                        i += 8
                    }
                    while i < count && base[i] != UInt8(ascii: "\"") && base[i] != UInt8(ascii: "\\") { i += 1 }
                    if i == count { break scan }
                    if base[i] == UInt8(ascii: "\\") {
                        // Skip the escape's second byte too (a `\u` escape's digits are plain bytes).
                        if i + 1 < count {
                            i += 2
                        } else {
                            escaped = true
                            i += 1
                        }
                        continue
                    }
                    inString = false
                    i += 1
                    if stack.isEmpty {
                        end = i
                        break scan
                    }
                    continue
                }
                if isScalar {
                    switch c {
                    case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D:
                        end = i
                        break scan
                    default:
                        i += 1
                        continue
                    }
                }
                switch c {
                case UInt8(ascii: "\""):
                    inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    stack.append(c)
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    let open = stack.removeLast()
                    if (open == UInt8(ascii: "{")) != (c == UInt8(ascii: "}")) {
                        window.cursor = i
                        let expected = open == UInt8(ascii: "{") ? "}" : "]"
                        return .mismatch(
                            offset: window.origin + i,
                            message: "`\(Unicode.Scalar(c))` closes a `\(Unicode.Scalar(open))`; expected `\(expected)`"
                        )
                    }
                    if stack.isEmpty {
                        end = i + 1
                        break scan
                    }
                default:
                    break
                }
                i += 1
            }
            if let end {
                window.cursor = end
                if keeping && end - start <= limit { return .complete(start: start, end: end) }
                return .skipped(size: window.origin + end - startOffset)
            }
            // Out of bytes: keep the value's bytes while they fit the budget, then read on.
            if keeping && window.count - start > limit { keeping = false }
            window.cursor = i
            let shift = window.drop(before: keeping ? start : i)
            start -= shift
            i -= shift
            guard try window.readMore() else {
                if isScalar {
                    window.cursor = i
                    if keeping && i - start <= limit { return .complete(start: start, end: i) }
                    return .skipped(size: window.origin + i - startOffset)
                }
                return .truncated
            }
        }
    }
}
