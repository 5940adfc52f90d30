/// A parsed user query.
public indirect enum QueryNode: Sendable, Equatable {
    /// One word; `prefix` when it ended in `*`.
    case word(String, prefix: Bool)
    /// Words that must stand together in this order.
    case phrase(String)
    /// All of these.
    case all([QueryNode])
    /// Any of these.
    case any([QueryNode])
    /// Not this (only meaningful inside `all`).
    case not(QueryNode)
    /// The node restricted to one field (`title:`).
    case field(String, QueryNode)
}

/// Why a query cannot run; the message is shown to the user as is.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line for the user.
    public let description: String

    init(_ description: String) { self.description = description }
}
