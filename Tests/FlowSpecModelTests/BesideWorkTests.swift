import FlowSpecModel
import FlowSpecYAML
import Foundation
import Testing

/// `SpecLoader.load(path:beside:)` runs the caller's work on the root file beside the model
/// building: with the file the result holds, finished when the load returns, and never for a file
/// that does not parse.
@Suite struct BesideWorkTests {
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var files: [(String, Int)] = []
        func add(_ file: SpecFile) {
            lock.lock()
            files.append((file.displayPath, file.tree.count))
            lock.unlock()
        }
        var all: [(String, Int)] {
            lock.lock()
            defer { lock.unlock() }
            return files
        }
    }

    static let flows = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("specs/pingone-flows/openapi.yaml").path

    @Test func runsOnTheRootFileBeforeTheLoadReturns() throws {
        let seen = Seen()
        let result = SpecLoader().load(path: Self.flows) { file in
            // Slower than the model building: the load still waits for it.
            Thread.sleep(forTimeInterval: 0.2)
            seen.add(file)
        }
        let root = try #require(result.files.root)
        #expect(result.files.files.count > 1)
        #expect(seen.all.count == 1)
        #expect(seen.all.first?.0 == root.displayPath && seen.all.first?.1 == root.tree.count)
    }

    @Test func notCalledForAFileThatDoesNotParse() {
        let seen = Seen()
        let result = SpecLoader().load(bytes: Array("a: [unclosed\n".utf8), path: "/tmp/broken.yaml", displayPath: nil) { seen.add($0) }
        #expect(result.files.root == nil)
        #expect(!result.diagnostics.isEmpty)
        #expect(seen.all.isEmpty)
    }
}
