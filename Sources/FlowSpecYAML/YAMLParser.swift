internal import CYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads YAML (and, through ``JSONTreeReader``, JSON) into a ``YAMLTree``.
///
/// Runs libyaml's event API in one pass: every event becomes a node with its marks, budgets are
/// checked as events arrive (so an alias bomb or a 100,000-deep `[[[[` is refused before it costs
/// anything), and plain scalars are typed by the YAML 1.2 core schema.
///
/// ```swift
/// let tree = try YAMLParser.parse(Array(yamlText.utf8))
/// let paths = tree.value(forKey: "paths", in: tree.root)
/// ```
public enum YAMLParser {
    /// How to read the bytes.
    public enum Format: Sendable {
        /// YAML 1.2 through libyaml.
        case yaml
        /// Strict JSON (RFC 8259) through the JSON fast path.
        case json
        /// JSON when the text starts with `{` or `[` and parses as JSON; YAML otherwise.
        case auto
    }

    /// Parses `bytes` as `format`.
    public static func parse(
        _ bytes: [UInt8], format: Format = .auto, options: YAMLParseOptions = .default
    ) throws(YAMLError) -> YAMLTree {
        if bytes.count > options.maxInputBytes {
            throw YAMLError(
                .inputTooLarge, "the input is \(bytes.count) bytes, more than the \(options.maxInputBytes)-byte budget",
                at: YAMLMark(line: 1, column: 1, offset: 0),
                hint: "raise YAMLParseOptions.maxInputBytes (or --max-input-bytes)")
        }
        let result: Result<YAMLTree, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            switch format {
            case .yaml:
                return Result { () throws(YAMLError) in try parseYAML(buffer, sourceArray: bytes, options: options) }
            case .json:
                return Result { () throws(YAMLError) in
                    try JSONTreeReader.parse(buffer, sourceArray: bytes, options: options)
                }
            case .auto:
                if looksLikeJSON(buffer),
                    let tree = try? JSONTreeReader.parse(buffer, sourceArray: bytes, options: options)
                {
                    return .success(tree)
                }
                return Result { () throws(YAMLError) in try parseYAML(buffer, sourceArray: bytes, options: options) }
            }
        }
        return try result.get()
    }

    private static func looksLikeJSON(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        for byte in buffer.dropFirst(hasBOM ? 3 : 0) {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    /// Inputs at least this large are parsed by libyaml on a helper thread while this one builds
    /// the tree (see ``EventPipe``); a small file is read before a thread would have started.
    static let pipelineThreshold = 256 << 10

    /// Inputs at least this large whose text can be cut at a top-level key near its middle are read
    /// by two libyaml parsers at once (see ``SplitPoint``).
    static let splitThreshold = 256 << 10

    /// - Parameters:
    ///   - buffer: `sourceArray`'s storage.
    ///   - pipelined: whether libyaml may run on a helper thread (for inputs of at least
    ///     ``pipelineThreshold`` bytes).
    ///   - split: whether the input may be read in two halves on two threads (for inputs of at least
    ///     ``splitThreshold`` bytes that have a safe cut); when it can, this is tried first.
    static func parseYAML(
        _ buffer: UnsafeBufferPointer<UInt8>, sourceArray: [UInt8], options: YAMLParseOptions,
        pipelined: Bool? = nil, split: Bool? = nil
    ) throws(YAMLError) -> YAMLTree {
        let lines = LineTable(source: sourceArray)
        let offsets = CharacterOffsets(buffer, lines: lines)
        if split ?? (buffer.count >= splitThreshold), !offsets.hasUnusualBreaks,
            let cut = SplitPoint.find(in: buffer, lines: lines),
            let tree = parseSplit(buffer, sourceArray: sourceArray, options: options, lines: lines, offsets: offsets, at: cut)
        {
            return tree
        }
        return try parseWhole(
            buffer, sourceArray: sourceArray, options: options, lines: lines, offsets: offsets,
            pipelined: pipelined ?? (buffer.count >= pipelineThreshold))
    }

    /// A libyaml parser reading `bytes`, or `nil` when libyaml cannot be initialised. The caller deletes
    /// and deallocates it.
    static func makeParser(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<yaml_parser_t>? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            return nil
        }
        if let base = bytes.baseAddress {
            yaml_parser_set_input_string(parser, base, bytes.count)
        } else {
            yaml_parser_set_input_string(parser, Self.emptyInput, 0)
        }
        return parser
    }

    nonisolated(unsafe) private static let emptyInput: UnsafeMutablePointer<UInt8> = {
        let byte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        byte.initialize(to: 0)
        return byte
    }()

    static func dispose(_ parser: UnsafeMutablePointer<yaml_parser_t>) {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    private static func parseWhole(
        _ buffer: UnsafeBufferPointer<UInt8>, sourceArray: [UInt8], options: YAMLParseOptions, lines: LineTable,
        offsets: CharacterOffsets, pipelined: Bool
    ) throws(YAMLError) -> YAMLTree {
        // On the heap: the helper thread parses with it.
        guard let parser = makeParser(buffer) else {
            throw YAMLError(.syntax, "libyaml could not be initialised", at: YAMLMark(line: 1, column: 1, offset: 0))
        }
        defer { dispose(parser) }
        var builder = YAMLTreeBuilder(
            options: options, source: buffer, sourceArray: sourceArray, lines: lines, reading: buffer.count)
        var offsets = offsets
        // Stopped (by the last defer to run first) before the parser is deleted.
        let pipe = pipelined ? EventPipe.start(parser) : nil
        defer { pipe?.finish() }
        let end = try read(parser, pipe: pipe, into: &builder, offsets: &offsets, buffer: buffer, part: false)
        return try builder.finish(endOfInput: end.streamEnd)
    }

    /// Reads the input in two halves, cut at the top-level key that starts at `cut`: this thread
    /// reads the head and a helper the tail, each into its own builder, and the tail's nodes are then
    /// appended to the head's. `nil` (and the caller reads the whole input) when either half fails to
    /// read as a mapping whose root ends at its end, or holds an alias: errors are always reported by
    /// the one-parser path, so they are the same whether or not a split was tried.
    static func parseSplit(
        _ buffer: UnsafeBufferPointer<UInt8>, sourceArray: [UInt8], options: YAMLParseOptions, lines: LineTable,
        offsets: CharacterOffsets, at cut: Int
    ) -> YAMLTree? {
        let tail = TailParse(
            buffer: buffer, sourceArray: sourceArray, options: options, lines: lines, cut: cut)
        let started = tail.start()
        var head = YAMLTreeBuilder(
            options: options, source: buffer, sourceArray: sourceArray, lines: lines, reading: buffer.count)
        var headOffsets = offsets
        let headEnd: PartEnd? = {
            guard let parser = makeParser(UnsafeBufferPointer(rebasing: buffer[..<cut])) else { return nil }
            defer { dispose(parser) }
            return try? read(parser, pipe: nil, into: &head, offsets: &headOffsets, buffer: buffer, part: true)
        }()
        if started { tail.join() } else { tail.run() }
        guard headEnd != nil, let tailBuilder = tail.builder, let tailEnd = tail.end, let rootEnd = tailEnd.rootEnd
        else { return nil }
        head.absorb(tailBuilder)
        return try? {
            () throws(YAMLError) -> YAMLTree in
            try head.endCollection(end: rootEnd)
            return try head.finish(endOfInput: tailEnd.streamEnd)
        }()
    }

    /// Where a run of events ended: the end of a part's root mapping (which a part does not close;
    /// `nil` for the whole input) and the start of the stream's end.
    struct PartEnd {
        var rootEnd: PackedMark?
        var streamEnd: PackedMark
    }

    /// A part that cannot be read on its own as a piece of the whole; never reported (the whole input
    /// is read again).
    private static func notAPart(_ mark: PackedMark) -> YAMLError {
        YAMLError(.syntax, "this part of the input cannot be read on its own", at: mark.mark)
    }

    /// Reads every event of `parser` into `builder`, to the end of the stream.
    ///
    /// - Parameter part: whether the input is one half of a split file: its root must be a mapping,
    ///   which is left open (the halves are joined before it is closed), and an alias (which could
    ///   name an anchor of the other half) makes it fail.
    static func read(
        _ parser: UnsafeMutablePointer<yaml_parser_t>, pipe: EventPipe?, into builder: inout YAMLTreeBuilder,
        offsets: inout CharacterOffsets, buffer: UnsafeBufferPointer<UInt8>, part: Bool
    ) throws(YAMLError) -> PartEnd {
        var documents = 0
        var rootEnd: PackedMark?
        let single = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        single.initialize(to: yaml_event_t())
        defer {
            yaml_event_delete(single)
            single.deallocate()
        }
        while true {
            let event: UnsafeMutablePointer<yaml_event_t>
            if let pipe {
                guard let next = pipe.next() else {
                    throw libyamlError(parser.pointee, buffer: buffer, offsets: &offsets)
                }
                event = next
            } else {
                yaml_event_delete(single)
                guard yaml_parser_parse(parser, single) == 1 else {
                    throw libyamlError(parser.pointee, buffer: buffer, offsets: &offsets)
                }
                event = single
            }
            let start = offsets.pack(event.pointee.start_mark)
            if part && rootEnd != nil && event.pointee.type != YAML_DOCUMENT_END_EVENT
                && event.pointee.type != YAML_STREAM_END_EVENT
            {
                throw notAPart(start)
            }
            switch event.pointee.type {
            case YAML_STREAM_END_EVENT:
                if part && rootEnd == nil { throw notAPart(start) }
                return PartEnd(rootEnd: rootEnd, streamEnd: start)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLError(
                        .multipleDocuments, "the file holds more than one YAML document", at: start.mark,
                        hint: "keep one document per file; remove the `---` line and what follows, or split the file")
                }
            case YAML_SCALAR_EVENT:
                if part && builder.depth == 0 { throw notAPart(start) }
                let data = event.pointee.data.scalar
                let style = scalarStyle(data.style)
                let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
                let type = try scalarType(
                    bytes, style: style, tag: data.tag, plainImplicit: data.plain_implicit != 0, at: start)
                try builder.scalar(
                    bytes, type: type, style: style, anchor: string(data.anchor), start: start,
                    end: offsets.pack(event.pointee.end_mark))
            case YAML_SEQUENCE_START_EVENT:
                if part && builder.depth == 0 { throw notAPart(start) }
                try checkCollectionTag(event.pointee.data.sequence_start.tag, expected: "seq", at: start)
                try builder.beginCollection(
                    .sequence, anchor: string(event.pointee.data.sequence_start.anchor), start: start)
            case YAML_MAPPING_START_EVENT:
                try checkCollectionTag(event.pointee.data.mapping_start.tag, expected: "map", at: start)
                try builder.beginCollection(
                    .mapping, anchor: string(event.pointee.data.mapping_start.anchor), start: start)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if part && builder.depth == 1 {
                    rootEnd = offsets.pack(event.pointee.end_mark)
                } else {
                    try builder.endCollection(end: offsets.pack(event.pointee.end_mark))
                }
            case YAML_ALIAS_EVENT:
                if part { throw notAPart(start) }
                try builder.alias(string(event.pointee.data.alias.anchor) ?? "", at: start)
            default:
                break
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func scalarStyle(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private static let corePrefix = "tag:yaml.org,2002:"

    private static func scalarType(
        _ bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, tag: UnsafeMutablePointer<yaml_char_t>?,
        plainImplicit: Bool, at mark: PackedMark
    ) throws(YAMLError) -> YAMLScalarType {
        guard let tag = string(tag) else {
            return style == .plain ? CoreSchema.resolve(bytes) : .string
        }
        // The non-specific tag `!` (as in `! 12`) makes a scalar a string (YAML 1.2, section 6.9.1).
        if tag == "!" { return .string }
        let resolved = CoreSchema.resolve(bytes)
        switch tag {
        case corePrefix + "str": return .string
        case corePrefix + "null" where resolved == .null: return .null
        case corePrefix + "bool" where resolved == .bool: return .bool
        case corePrefix + "int" where resolved == .int: return .int
        case corePrefix + "float" where resolved == .float || resolved == .int: return .float
        case corePrefix + "null", corePrefix + "bool", corePrefix + "int", corePrefix + "float":
            throw YAMLError(
                .unsupportedTag, "`\(String(decoding: bytes, as: UTF8.self))` is not a valid \(tag.dropFirst(corePrefix.count))",
                at: mark.mark)
        default:
            throw unsupported(tag, at: mark)
        }
    }

    private static func checkCollectionTag(
        _ tag: UnsafeMutablePointer<yaml_char_t>?, expected: String, at mark: PackedMark
    ) throws(YAMLError) {
        guard let tag = string(tag), tag != "!", tag != corePrefix + expected else { return }
        throw unsupported(tag, at: mark)
    }

    private static func unsupported(_ tag: String, at mark: PackedMark) -> YAMLError {
        let shown = tag.hasPrefix(corePrefix) ? "!!" + tag.dropFirst(corePrefix.count) : tag
        return YAMLError(
            .unsupportedTag, "the tag `\(shown)` is outside YAML's JSON schema and is not supported", at: mark.mark,
            hint: "remove the tag; OpenAPI documents hold only strings, numbers, booleans, null, mappings and lists")
    }

    private static func libyamlError(
        _ parser: yaml_parser_t, buffer: UnsafeBufferPointer<UInt8>, offsets: inout CharacterOffsets
    ) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            let offset = parser.problem_offset
            let mark = YAMLMark.locate(offset: offset, in: buffer)
            let isUTF8 = problem.contains("UTF-8") || problem.contains("octet") || problem.contains("code point")
            return YAMLError(
                isUTF8 ? .invalidUTF8 : .syntax,
                isUTF8 ? "invalid UTF-8 at byte offset \(offset): \(problem)" : "\(problem) at byte offset \(offset)",
                at: mark, hint: isUTF8 ? "save the file as UTF-8" : nil)
        }
        let mark = offsets.pack(parser.problem_mark).mark
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) \(context)"
            let contextMark = offsets.pack(parser.context_mark).mark
            return YAMLError(.syntax, message, at: mark, related: contextMark)
        }
        return YAMLError(.syntax, message, at: mark)
    }
}

/// Turns libyaml's marks (whose `index` counts characters) into byte offsets.
///
/// Files that are pure ASCII (almost every API description) need no work. Otherwise the file's line
/// table gives where the mark's line starts and whether it is ASCII, so only marks on a non-ASCII
/// line count characters. Files with line breaks other than `\n` and `\r\n` (which libyaml also
/// counts as lines, so that its line numbers are not the table's) fall back to counting characters
/// from the start.
struct CharacterOffsets {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let lines: LineTable
    private let ascii: Bool
    private let unusualBreaks: Bool
    /// On a non-ASCII line, the last column converted and its byte offset, so that a long line (a
    /// minified flow collection is one line) is walked once, not once per mark.
    private var markLine = -1
    private var markLineStart = 0
    private var markLineASCII = true
    private var cursorLine = -1
    private var cursorColumn = 0
    private var cursorOffset = 0
    private var charIndex = 0
    private var byteIndex = 0
    /// The length of a leading UTF-8 byte order mark, which libyaml skips without counting it in its
    /// marks: 3 or 0.
    private let bom: Int
    /// Added to every mark: for the tail of a split file, the lines and bytes before it.
    private let lineShift: Int
    private let offsetShift: Int

    /// - Parameters:
    ///   - lines: the whole file's line table.
    ///   - lineShift: lines before `bytes` (which start a line) in the file.
    ///   - offsetShift: bytes before `bytes` in the file.
    init(_ bytes: UnsafeBufferPointer<UInt8>, lines: LineTable, lineShift: Int = 0, offsetShift: Int = 0) {
        self.bytes = bytes
        self.lines = lines
        self.lineShift = lineShift
        self.offsetShift = offsetShift
        let high = !lines.isASCII
        var unusual = false
        // A `\r` not followed by `\n`; NEL (C2 85); LS or PS (E2 80 A8/A9).
        Self.forEach(0x0D, in: bytes) { i in
            if i + 1 >= bytes.count || bytes[i + 1] != 0x0A { unusual = true }
        }
        if high && !unusual {
            Self.forEach(0xC2, in: bytes) { i in
                if i + 1 < bytes.count && bytes[i + 1] == 0x85 { unusual = true }
            }
            Self.forEach(0xE2, in: bytes) { i in
                if i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                    unusual = true
                }
            }
        }
        self.ascii = !high
        self.unusualBreaks = unusual
        bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        byteIndex = bom
    }

    /// Calls `body` with the index of every occurrence of `byte`, found with `memchr`.
    private static func forEach(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, Int32(byte), bytes.count - offset) {
            let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            body(index)
            offset = index + 1
        }
    }

    mutating func byteOffset(line target: Int, column: Int, character: Int) -> Int {
        if ascii { return character }
        if unusualBreaks { return byteOffset(ofCharacter: character) }
        // libyaml moves its end-of-stream mark to a line after the last one (column 0): that mark is
        // placed at the start of the last line.
        let line = min(target + lineShift, lines.lineStarts.count - 1)
        // A line holds several marks in a row: its start and kind are looked up once.
        if line != markLine {
            markLine = line
            markLineStart = Int(lines.lineStarts[line]) - offsetShift
            markLineASCII = lines.isASCII(line: line)
        }
        let lineStart = markLineStart
        if markLineASCII { return min(lineStart + column, bytes.count) }
        if line != cursorLine || column < cursorColumn {
            cursorLine = line
            cursorColumn = 0
            cursorOffset = lineStart
        }
        var offset = cursorOffset
        var remaining = column - cursorColumn
        while remaining > 0 && offset < bytes.count {
            offset += 1
            while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        cursorColumn = column
        cursorOffset = offset
        return offset
    }

    private mutating func byteOffset(ofCharacter target: Int) -> Int {
        if target < charIndex {
            charIndex = 0
            byteIndex = bom
        }
        while charIndex < target && byteIndex < bytes.count {
            byteIndex += 1
            while byteIndex < bytes.count && bytes[byteIndex] & 0xC0 == 0x80 { byteIndex += 1 }
            charIndex += 1
        }
        return byteIndex
    }

    /// Whether libyaml breaks lines at more than `\n` and `\r\n` here (a lone `\r`, NEL, LS or PS), so
    /// that its line numbers are not the line table's.
    var hasUnusualBreaks: Bool { unusualBreaks }

    mutating func pack(_ mark: yaml_mark_t) -> PackedMark {
        PackedMark(
            line: mark.line + 1 + lineShift, column: mark.column + 1,
            offset: byteOffset(line: mark.line, column: mark.column, character: mark.index) + offsetShift)
    }
}
