/// An entry cut out of a capture whose decoding is left to whichever thread takes it.
///
/// Finding where an entry ends is cheap and must happen in order; parsing and decoding it is most of
/// the reading work and can happen anywhere. ``CaptureReader/nextPending(maxCount:)`` hands these out
/// so that reading (one reader at a time) only cuts, and decoding (``decode()``) runs in parallel. The
/// result is the entry ``CaptureReader/next()`` would have given, byte for byte.
public struct PendingEntry: Sendable {
    enum Content: Sendable {
        /// Already an entry: one that could not be read, or one parsed while it was cut.
        case decoded(CaptureEntry)
        /// The entry's own bytes (copied out of the read buffer), still to be decoded; `tape` is their
        /// parse when the reader made it while finding the entry's end, else they are parsed here.
        case raw(bytes: [UInt8], index: Int, location: CaptureLocation, shape: EntryDecoder.Shape, tape: JSONTape?)
    }

    let content: Content

    /// The entry's 0-based position in its capture.
    public var index: Int {
        switch content {
        case .decoded(let entry): return entry.index
        case .raw(_, let index, _, _, _): return index
        }
    }

    /// About how much memory the entry holds until it is decoded: its bytes and its tape.
    var byteCount: Int {
        switch content {
        case .decoded: return 0
        case .raw(let bytes, _, _, _, let tape):
            return bytes.count + (tape?.nodes.count ?? 0) * MemoryLayout<JSONTape.Node>.stride
        }
    }

    /// Parses and decodes the entry; safe to call on any thread.
    public func decode() -> CaptureEntry { decode(keepsExtensions: true) }

    /// ``decode()`` for checking: the same entry, without its ``CapturedExchange/extensions`` (the
    /// `_`-prefixed members exporters add, which no check reads).
    func decodeForChecking() -> CaptureEntry { decode(keepsExtensions: false) }

    private func decode(keepsExtensions: Bool) -> CaptureEntry {
        switch content {
        case .decoded(let entry):
            return entry
        case .raw(let bytes, let index, let location, let shape, let tape):
            return bytes.withUnsafeBufferPointer { buffer in
                EntryDecoder.decode(
                    buffer, index: index, location: location, shape: shape, parsed: tape,
                    keepsExtensions: keepsExtensions)
            }
        }
    }
}
