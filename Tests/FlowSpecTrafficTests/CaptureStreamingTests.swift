import Foundation
import Testing

@testable import FlowSpecTraffic

@Suite("Streaming captures in bounded memory")
struct CaptureStreamingTests {
    /// Writes a HAR of `count` entries to a temporary file, one entry at a time (never whole in memory).
    static func writeHAR(count: Int, entry: (Int) -> String) throws -> String {
        let path = try temporaryFile([], suffix: ".har")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var pending = #"{"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":["# + "\n"
        for i in 0..<count {
            if i > 0 { pending += ",\n" }
            pending += entry(i)
            if pending.utf8.count > 1 << 16 {
                try handle.write(contentsOf: Data(pending.utf8))
                pending = ""
            }
        }
        pending += "\n],\"pages\":[]}}\n"
        try handle.write(contentsOf: Data(pending.utf8))
        return path
    }

    @Test("20,000 entries stream in order with the buffer bounded by one chunk plus the largest entry")
    func manyEntries() throws {
        let count = 20_000
        var largest = 0
        let path = try Self.writeHAR(count: count) { i in
            let entry = harEntry(url: "https://a.test/items/\(i)", extra: #","_bench":{"i":\#(i)}"#)
            largest = max(largest, entry.utf8.count)
            return entry
        }
        defer { try? removeFile(path) }
        let chunkSize = 64 << 10
        let reader = try CaptureReader(path: path, options: CaptureReader.Options(chunkSize: chunkSize))
        #expect(reader.format == .har)
        var seen = 0
        var lastOffset = -1
        var wrong: [Int] = []
        while let entry = reader.next() {
            let right =
                entry.index == seen && entry.problems.isEmpty
                && entry.exchange?.request.url == "https://a.test/items/\(seen)"
                && entry.exchange?.extensions["_bench"] == #"{"i":\#(seen)}"# && entry.location.line == seen + 2
                && entry.location.offset > lastOffset
            if !right { wrong.append(seen) }
            lastOffset = entry.location.offset
            seen += 1
        }
        #expect(seen == count)
        #expect(wrong.isEmpty, "entries read wrongly: \(wrong.prefix(10))")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 20 * chunkSize)
        #expect(reader.bufferHighWaterMark <= chunkSize + largest)
        #expect(reader.next() == nil)
    }

    @Test("batches keep input order")
    func batches() throws {
        let path = try Self.writeHAR(count: 250) { harEntry(url: "https://a.test/\($0)") }
        defer { try? removeFile(path) }
        let reader = try CaptureReader(path: path, options: CaptureReader.Options(chunkSize: 4096))
        var indices: [Int] = []
        while true {
            let batch = reader.next(maxCount: 64)
            if batch.isEmpty { break }
            #expect(batch.count <= 64)
            indices += batch.map(\.index)
        }
        #expect(indices == Array(0..<250))
    }

    @Test("a large body spanning many chunks is read whole")
    func largeBody() throws {
        let size = 8 << 20
        let body = String(repeating: "abcdefgh", count: size / 8)
        let path = try Self.writeHAR(count: 3) { i in
            i == 1
                ? harEntry(
                    response: harResponse(content: #"{"size":\#(size),"mimeType":"text/plain","text":"\#(body)"}"#))
                : harEntry()
        }
        defer { try? removeFile(path) }
        let reader = try CaptureReader(path: path, options: CaptureReader.Options(chunkSize: 64 << 10))
        let entries = Array(reader)
        try #require(entries.count == 3)
        #expect(entries.allSatisfy { $0.problems.isEmpty })
        #expect(entries[1].exchange?.response?.body?.bytes.count == size)
        #expect(entries[1].exchange?.response?.body?.isTruncated == false)
        #expect(reader.bufferHighWaterMark <= (64 << 10) + size + 1024)
    }

    @Test("a 100 MB body is read within the entry budget, and the window shrinks back after it")
    func hundredMegabyteBody() throws {
        let size = 100 << 20
        let path = try temporaryFile([], suffix: ".har")
        defer { try? removeFile(path) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(
            contentsOf: Data(#"{"log":{"entries":[{"request":{"method":"PUT","url":"/big","postData":{"text":""#.utf8))
        let block = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<(size >> 20) { try handle.write(contentsOf: block) }
        try handle.write(contentsOf: Data(#""}},"response":{"status":0}},"#.utf8))
        try handle.write(contentsOf: Data((harEntry() + "]}}").utf8))
        try handle.close()

        let chunkSize = 1 << 20
        let reader = try CaptureReader(path: path, options: CaptureReader.Options(chunkSize: chunkSize))
        let first = try #require(reader.next())
        #expect(first.problems.isEmpty)
        #expect(first.exchange?.request.body?.bytes.count == size)
        #expect(first.exchange?.response == nil)
        let second = try #require(reader.next())
        #expect(second.exchange?.response?.status == 200)
        #expect(reader.next() == nil)
        #expect(reader.bufferHighWaterMark <= size + 2 * chunkSize)
        #expect(reader.bufferHighWaterMark > size)
        #expect(reader.bufferCapacity <= 2 * chunkSize)
    }

    @Test("an entry over the budget is scanned over, never held, and reading goes on")
    func oversizedEntry() throws {
        let chunkSize = 16 << 10
        let budget = 64 << 10
        let body = String(repeating: "0123456789", count: 100_000)  // 1 MB, in one JSON string
        let path = try Self.writeHAR(count: 4) { i in
            i == 2
                ? harEntry(response: harResponse(content: #"{"size":1000000,"text":"\#(body)","n":[[{"]":"["}]]}"#))
                : harEntry(url: "https://a.test/\(i)")
        }
        defer { try? removeFile(path) }
        let reader = try CaptureReader(
            path: path, options: CaptureReader.Options(chunkSize: chunkSize, maxEntryBytes: budget))
        let entries = Array(reader)
        try #require(entries.count == 4)
        #expect(entries[2].exchange == nil)
        #expect(entries[2].codes == ["capture_entry_too_large"])
        #expect(entries[2].location.line == 4)
        #expect(entries[3].exchange?.request.url == "https://a.test/3")
        #expect(reader.bufferHighWaterMark <= chunkSize + budget + chunkSize)
    }

    @Test("a file handle is read to its end and stays open")
    func fileHandle() throws {
        let path = try Self.writeHAR(count: 5) { harEntry(url: "https://a.test/\($0)") }
        defer { try? removeFile(path) }
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let reader = CaptureReader(fileHandle: handle, name: "-", options: CaptureReader.Options(chunkSize: 100))
        let entries = Array(reader)
        #expect(entries.count == 5)
        #expect(entries.last?.location.file == "-")
        #expect(try handle.offset() > 0)
    }
}
