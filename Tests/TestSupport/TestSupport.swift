import Foundation

/// Paths and helpers shared by the test targets.
public enum TestPaths {
    /// The package's root folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The sample archive shipped in `Corpus/`.
    public static let corpus = packageRoot.appendingPathComponent("Corpus")

    /// `../shared/data` beside the checkout, when present (optional data; tests skip without it).
    public static let sharedData: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// The built `stichwort` binary, beside the test runner (`swift test` builds it first).
    public static let binary: URL = {
        if let override = ProcessInfo.processInfo.environment["STICHWORT_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let candidate = directory.appendingPathComponent("stichwort")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        return packageRoot.appendingPathComponent(".build/debug/stichwort")
    }()
}

/// A folder under the system's temporary directory, removed when the object goes away.
public final class TemporaryDirectory: @unchecked Sendable {
    /// The folder.
    public let url: URL

    /// Creates an empty folder.
    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stichwort-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `contents` to `name` (creating folders) and returns its path.
    @discardableResult
    public func write(_ name: String, _ contents: String) -> String {
        write(name, Array(contents.utf8))
    }

    /// Writes `bytes` to `name` (creating folders) and returns its path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
        return file.path
    }
}

/// What a finished process printed and returned.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
}

/// Runs `executable` with `arguments` and waits for it.
public func runProcess(
    _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, input: String? = nil
) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    let inputPipe = Pipe()
    process.standardInput = inputPipe
    try process.run()
    if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inputPipe.fileHandleForWriting.close()
    // Read both pipes before waiting, so a full pipe cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errorData = Data()
    group.enter()
    DispatchQueue.global().async {
        errorData = error.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
        standardError: String(decoding: errorData, as: UTF8.self))
}
