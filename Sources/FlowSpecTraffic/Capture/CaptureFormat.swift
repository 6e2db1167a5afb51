/// The kinds of capture ``CaptureReader`` reads.
public enum CaptureFormat: String, Sendable, Hashable, CaseIterable {
    /// HTTP Archive 1.2: one JSON document, `{"log":{"entries":[...]}}`, as browsers and proxies export.
    case har
    /// Newline-delimited JSON, one exchange per line (`docs/ndjson-capture-format.md`).
    case ndjson

    /// The format a file name's extension names: `.har` is HAR; `.ndjson`, `.jsonl` and `.ldjson` are
    /// NDJSON; anything else (`.json`, no extension, `-`) is `nil`, and the content decides.
    public init?(fileExtensionOf path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "har": self = .har
        case "ndjson", "jsonl", "ldjson": self = .ndjson
        default: return nil
        }
    }
}
