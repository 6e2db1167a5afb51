/// A growable run of plain values behind one pointer, freed when it goes away: the tape parser's
/// node and nesting stacks, and the bytes of a report entry.
///
/// An array's `append` calls out to check that its storage is unique and has room, on every node, and
/// a HAR entry makes over a hundred nodes; here an append is a comparison and a store. Indices are not
/// checked in release builds: the parser only reads back what it wrote.
struct GrowableBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 4)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always) mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Appends `elements` in one copy.
    @inline(__always) mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress else { return }
        while count + elements.count > capacity { grow() }
        (base + count).initialize(from: source, count: elements.count)
        count += elements.count
    }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    @inline(__always) mutating func removeLast() {
        assert(count > 0)
        count -= 1
    }

    @inline(__always) var last: Element? { count > 0 ? base[count - 1] : nil }

    @inline(__always) subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < count)
            return base[index]
        }
        set {
            assert(index >= 0 && index < count)
            base[index] = newValue
        }
    }

    /// The elements, as an array of exactly their count.
    func array() -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.initialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}
