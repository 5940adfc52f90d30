/// What one indexing run did.
public struct IndexReport: Sendable {
    /// Files new to the index.
    public var added = 0
    /// Files whose content changed and was re-extracted.
    public var changed = 0
    /// Files with a new mtime but the same bytes (not re-analysed).
    public var touched = 0
    /// Files found at a new path with the same bytes (path updated, not re-analysed).
    public var moved = 0
    /// Files gone from the archive, removed from the index.
    public var removed = 0
    /// Files unchanged since the last run.
    public var unchanged = 0
    /// Files that could not be indexed, with the reason.
    public var failures: [(path: String, reason: String)] = []
    /// Wall-clock seconds of the run.
    public var seconds = 0.0
    /// Articles in the index after the run.
    public var documents = 0

    /// Creates an empty report.
    public init() {}

    /// The one summary line of a run.
    public var summary: String {
        let time = (seconds * 100).rounded() / 100
        return "\(documents) articles indexed: \(added) added, \(changed) changed, \(moved) moved, "
            + "\(removed) removed, \(failures.count) failed, \(unchanged + touched) unchanged in \(time) s"
    }
}
