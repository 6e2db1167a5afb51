#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a capture's bytes come from: a file descriptor (file, pipe, standard input) or chunks.
final class ChunkInput {
    enum Storage {
        case descriptor(Int32, owned: Bool)
        case chunks(() throws -> [UInt8]?)
        case finished
    }

    /// A read that failed part-way, with the system's reason.
    struct Failure: Error {
        var reason: String
    }

    private var storage: Storage
    /// A chunk handed over by a closure that did not fit in the space offered yet.
    private var pending: [UInt8] = []
    private var pendingOffset = 0

    init(_ storage: Storage) {
        self.storage = storage
    }

    /// Opens `path` for reading.
    static func open(path: String) -> Result<ChunkInput, CaptureReadError> {
        var fd: Int32
        repeat { fd = systemOpen(path) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { return .failure(CaptureReadError(file: path, reason: systemMessage(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            return .failure(CaptureReadError(file: path, reason: "it is a directory"))
        }
        return .success(ChunkInput(.descriptor(fd, owned: true)))
    }

    deinit {
        if case .descriptor(let fd, owned: true) = storage { close(fd) }
    }

    /// Reads at most `count` bytes into `destination`; 0 means the end of the input.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws(Failure) -> Int {
        switch storage {
        case .finished:
            return 0
        case .descriptor(let fd, _):
            while true {
                let n = systemRead(fd, destination, count)
                if n >= 0 { return n }
                if errno == EINTR { continue }
                throw Failure(reason: Self.systemMessage(errno))
            }
        case .chunks(let produce):
            while pendingOffset == pending.count {
                let chunk: [UInt8]?
                do { chunk = try produce() } catch { throw Failure(reason: "\(error)") }
                guard let chunk else {
                    storage = .finished
                    return 0
                }
                pending = chunk
                pendingOffset = 0
            }
            let n = min(count, pending.count - pendingOffset)
            pending.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                destination.update(from: base + pendingOffset, count: n)
            }
            pendingOffset += n
            return n
        }
    }

    static func systemMessage(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

// The C library's names, under names that do not collide with this type's methods.
private func systemOpen(_ path: String) -> Int32 { open(path, O_RDONLY) }
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
