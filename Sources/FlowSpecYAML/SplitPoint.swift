/// Where a large YAML file can be cut in two so that each half reads, on its own, as exactly the
/// nodes the whole file gives there.
///
/// The cut is the start of a line that begins at column 0 with a plain key, nearest the middle of
/// the file: the root mapping's entries before it and from it are then two block mappings at column
/// 0, which libyaml reads as two documents. Such a line cannot belong to a block scalar or a plain
/// scalar of an earlier key (their lines are indented), and an open quoted scalar or flow
/// collection would make the head fail at its end. What a lone half cannot know is refused here or
/// by the reading: directives (`%`) and document markers (`---` and `...` after the first line),
/// which change how the rest reads; a root that does not start at column 0; and aliases (which
/// could name an anchor of the other half) make the halves fail, and the whole file is read at once.
enum SplitPoint {
    /// Neither half may be smaller than this share of the file: a lopsided cut saves little and
    /// costs a thread.
    static let minimumShare = 5

    /// The offset of the cut, or `nil` when the file has no safe one.
    static func find(in bytes: UnsafeBufferPointer<UInt8>, lines: LineTable) -> Int? {
        let count = bytes.count
        guard count > 0, !(count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) else {
            return nil
        }
        let middle = count / 2
        var best: Int?
        var sawContent = false
        for start in lines.lineStarts {
            let offset = Int(start)
            guard offset < count else { break }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "%"):
                return nil
            case UInt8(ascii: "-"), UInt8(ascii: "."):
                if startsMarker(bytes, at: offset, byte) {
                    // A `---` on the first line opens the one document; anywhere else it (or `...`)
                    // would end it.
                    if offset != 0 || byte == UInt8(ascii: ".") { return nil }
                    continue
                }
            case UInt8(ascii: "#"), 0x0A, 0x0D:
                continue
            default:
                break
            }
            if !sawContent {
                // The root must be a block mapping at column 0; otherwise a column-0 line is no key.
                guard isKeyStart(byte) else { return nil }
                sawContent = true
                continue
            }
            guard isKeyStart(byte) else { continue }
            if best.map({ abs(offset - middle) < abs($0 - middle) }) ?? true { best = offset }
        }
        guard let best, best >= count / minimumShare, count - best >= count / minimumShare else { return nil }
        return best
    }

    /// Whether a plain key can start with `byte`: letters, digits and the few punctuation marks that
    /// start OpenAPI's top-level keys (`x-`, `/`, `_`, `$`). Indicators (`-`, `?`, `:`, `[`, `{`,
    /// quotes, `&`, `*`, `!`, `|`, `>`, `#`, `%`, `@`, backquote), spaces and tabs are not.
    private static func isKeyStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "$"):
            return true
        default:
            return false
        }
    }

    /// Whether the line at `offset` starts with three `byte`s followed by a space, a tab, a line
    /// break or the end of the file.
    private static func startsMarker(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ byte: UInt8) -> Bool {
        guard offset + 3 <= bytes.count, bytes[offset + 1] == byte, bytes[offset + 2] == byte else { return false }
        guard offset + 3 < bytes.count else { return true }
        let next = bytes[offset + 3]
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D
    }
}
