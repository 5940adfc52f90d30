#if canImport(Glibc)
import Glibc
#endif

/// The one-writer lock: an exclusive `flock` on `<database>.lock`, held while an `index` or
/// `rebuild` runs and released by the kernel even when the process is killed.
public final class IndexLock {
    private let descriptor: Int32

    /// Why the lock could not be taken.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// Another run holds it (only when not waiting).
        case busy(String)
        /// The lock file cannot be created.
        case unavailable(String, reason: String)

        /// One line for the user.
        public var description: String {
            switch self {
            case .busy(let path): "another stichwort run is updating this index (lock \(path)); try again later"
            case .unavailable(let path, let reason): "cannot create the lock file \(path): \(reason)"
            }
        }
    }

    /// Takes the lock for `databasePath`; waits for another holder unless `wait` is false.
    public init(databasePath: String, wait: Bool) throws(Failure) {
        let path = databasePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unavailable(path, reason: String(cString: strerror(errno))) }
        var result: Int32
        repeat {
            result = flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB))
        } while result != 0 && errno == EINTR
        guard result == 0 else {
            close(fd)
            throw .busy(path)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
