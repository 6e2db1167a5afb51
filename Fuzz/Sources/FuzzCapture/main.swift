import FlowSpecTraffic
import FuzzSupport

// The capture reader: HAR, NDJSON or sniffed, read in small chunks some of the time (so entries
// straddle chunk edges) and with a small entry budget some of the time.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCapture(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    var options = CaptureReader.Options()
    options.format = [nil, .har, .ndjson, nil][input.choice(4, salt: 1)]
    let chunkSize = [1 << 20, 1, 7, 64][input.choice(4, salt: 2)]
    options.chunkSize = chunkSize
    if input.oneIn(5, salt: 3) { options.maxEntryBytes = 200 }
    var offset = 0
    let bytes = input.bytes
    let reader = CaptureReader(name: "fuzz.capture", options: options) {
        guard offset < bytes.count else { return nil }
        let end = min(bytes.count, offset + chunkSize)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
    var entries = 0
    var checksum = 0
    while let entry = reader.next() {
        entries += 1
        precondition(entries <= count + 2, "more entries than bytes")
        checksum &+= entry.problems.count &+ entry.location.offset
        if let exchange = entry.exchange {
            checksum &+= exchange.request.url.utf8.count
        }
    }
    precondition(checksum != Int.min)
    return 0
}
