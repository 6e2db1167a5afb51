import FlowSpecModel

/// Decodes one entry's bytes (a HAR `entries` element or an NDJSON line) into a ``CaptureEntry``.
enum EntryDecoder {
    enum Shape {
        /// An element of a HAR's `log.entries`.
        case harEntry
        /// A line of NDJSON: FlowSpec's flat shape, or a HAR entry when it has a `request` member.
        case ndjsonLine
    }

    /// Decodes the entry; `parsed` is its tape when the reader already parsed it. `keepsExtensions`
    /// fills ``CapturedExchange/extensions``, which the checker never reads (it is for embedders).
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, index: Int, location: CaptureLocation, shape: Shape,
        parsed: JSONTape? = nil, keepsExtensions: Bool = true
    ) -> CaptureEntry {
        let tape: JSONTape
        do throws(JSONTape.SyntaxError) {
            if let parsed { tape = parsed } else { tape = try JSONTape.parse(bytes) }
        } catch {
            var context = EntryContext(bytes: bytes, tape: JSONTape(), location: location)
            let problem = CaptureProblem(
                code: .captureInvalidJSON, message: "the entry is not valid JSON: \(error.message)",
                location: context.location(ofEntryByte: error.offset))
            return CaptureEntry(index: index, location: location, exchange: nil, problems: [problem])
        }
        var c = EntryContext(bytes: bytes, tape: tape, location: location)
        if let offset = tape.firstInvalidUTF8 {
            c.problems.append(
                CaptureProblem(
                    code: .captureInvalidUTF8, severity: .warning,
                    message: "the entry holds bytes that are not UTF-8; bodies keep them as they are, "
                        + "names and values show U+FFFD in their place",
                    location: c.location(ofEntryByte: offset), hint: "save the capture as UTF-8"))
        }
        guard c.kind(0) == .object else {
            let what = shape == .harEntry ? "a HAR entry object" : "a JSON object with `method` and `url`"
            c.report(.captureWrongType, "the entry is \(c.describe(0)); expected \(what)", at: 0, pointer: nil)
            return CaptureEntry(index: index, location: location, exchange: nil, problems: c.allProblems)
        }
        var exchange =
            shape == .harEntry || c.member("request", of: 0) != nil
            ? HAREntryDecoder.decode(&c, entry: 0) : NDJSONLineDecoder.decode(&c, line: 0)
        if keepsExtensions, var decoded = exchange.take() {
            decoded.extensions = extensions(c)
            exchange = decoded
        }
        return CaptureEntry(index: index, location: location, exchange: exchange, problems: c.allProblems)
    }

    /// The entry's members whose names start with `_`, as raw JSON text.
    private static func extensions(_ c: EntryContext) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in c.members(of: 0) {
            let node = c.tape.nodes[key]
            guard node.end - node.start > 2, c.bytes[node.start + 1] == UInt8(ascii: "_") else { continue }
            result[c.string(key)] = c.rawText(value)
        }
        return result
    }
}
