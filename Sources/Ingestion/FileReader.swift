#if canImport(Glibc)
import Glibc
#endif

/// Reads archive files with the checks an unattended run needs.
enum FileReader {
    /// What reading one file gave.
    struct Contents {
        var bytes: [UInt8]
        var size: Int64
        var mtime: Int64
    }

    enum Failure: Error, CustomStringConvertible {
        case vanished
        case notRegular
        case tooLarge(Int64, limit: Int)
        case system(String)

        var description: String {
            switch self {
            case .vanished: "vanished before it could be read"
            case .notRegular: "not a regular file"
            case .tooLarge(let size, let limit): "too large (\(size) bytes, limit \(limit)), skipped"
            case .system(let reason): reason
            }
        }
    }

    /// The bytes of `path` with the size and mtime of the file actually read (it may have changed
    /// since the walk). Opens without following a final symlink and without blocking on FIFOs.
    static func read(_ path: String, maximumSize: Int) throws(Failure) -> Contents {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw .vanished }
            throw .system(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegular }
        let size = Int64(info.st_size)
        guard size <= Int64(maximumSize) else { throw .tooLarge(size, limit: maximumSize) }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            total += count
        }
        bytes.removeSubrange(total...)
        let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return Contents(bytes: bytes, size: Int64(total), mtime: mtime)
    }
}

/// A 64-bit FNV-1a hash of a file's bytes, as 16 hex digits: it tells a touched file (same bytes)
/// and a moved one (same bytes, new path) from a changed one.
enum ContentHash {
    static func hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
