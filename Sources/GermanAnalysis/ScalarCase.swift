extension Unicode.Scalar {
    /// The scalar in lower case, when lower-casing keeps it one scalar (the query-variant rules
    /// compare single letters; İ's two-scalar lower case keeps its first).
    var lowercasedLetter: Unicode.Scalar { properties.lowercaseMapping.unicodeScalars.first ?? self }

    /// The scalar in upper case, likewise (ß's upper case SS keeps its first S).
    var uppercasedLetter: Unicode.Scalar { properties.uppercaseMapping.unicodeScalars.first ?? self }
}
