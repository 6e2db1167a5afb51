extension RegexAssertion {
    /// Whether the assertion holds between `bytes[position - 1]` and `bytes[position]`.
    @inline(__always)
    func holds(in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        switch self {
        case .start:
            return position == 0
        case .end:
            return position == bytes.count
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && UnicodeClasses.isWordByte(bytes[position - 1])
            let after = position < bytes.count && UnicodeClasses.isWordByte(bytes[position])
            return (before != after) == (self == .wordBoundary)
        }
    }
}
