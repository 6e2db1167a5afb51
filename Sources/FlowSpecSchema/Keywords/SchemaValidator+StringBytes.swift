extension SchemaValidator {
    /// Whether the string whose UTF-8 bytes are `buffer` matches: ``isValid(string:options:)`` for a
    /// value that lies in a larger text (a path value in its request target), without a `String`.
    package func isValid(stringBytes buffer: UnsafeBufferPointer<UInt8>, options: ValidationOptions = .init()) -> Bool {
        let ascii = JSONScan.isASCII(buffer)
        if StreamingCheck.accepts(runtime: runtime, entry: entry, string: buffer, ascii: ascii, options: options) {
            return true
        }
        var tape = JSONTape()
        tape.input = buffer
        tape.words.reserveCapacity(2)
        tape.appendInputString(offset: 0, count: buffer.count, ascii: ascii)
        return isValid(tape: tape, options: options)
    }
}
