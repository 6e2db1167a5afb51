import FlowSpecYAML

extension String {
    /// Whether the string contains `needle` (ASCII, without line breaks), as `contains(_:)` says.
    ///
    /// `contains(_:)` with a string argument goes through the string-processing library and cost tens
    /// of thousands of instructions a call; rules ask this of every reference or path of a large spec.
    /// The bytes are searched first: no ASCII text has another spelling, so no byte match means no
    /// match, and in an ASCII string a byte match is a match of whole characters. Only a non-ASCII
    /// string with a byte match (where a combining mark could join the needle's last character)
    /// takes the library's way.
    func containsASCII(_ needle: StaticString) -> Bool {
        var copy = self
        let (found, isASCII) = copy.withUTF8 { bytes in
            needle.withUTF8Buffer { needle -> (Bool, Bool) in
                guard !needle.isEmpty else { return (true, true) }
                return (ByteSearch.contains(needle, in: bytes), !bytes.contains { $0 >= 0x80 })
            }
        }
        guard found else { return false }
        return isASCII || contains(String(describing: needle))
    }
}
