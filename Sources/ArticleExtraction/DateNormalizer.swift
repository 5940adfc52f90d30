/// Turns the date formats found on news pages into ISO 8601.
///
/// Accepts ISO dates and timestamps (`2022-08-05`, `2022-08-05T10:30:00+02:00`), German and
/// English written dates (`5. August 2022`, `05.08.2022`, `August 5, 2022`) and dates in URLs
/// (`/2022/08/05/`). Returns `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` plus the zone when a time is given.
public enum DateNormalizer {
    /// The ISO form of the first date in `text`, or nil.
    public static func normalize(_ text: String) -> String? {
        // Every form has digits; most text has none.
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        let chars = Array(text.unicodeScalars)
        if let iso = isoDate(chars) { return iso }
        if let dotted = dottedDate(chars) { return dotted }
        return writtenDate(text)
    }

    /// A UTC timestamp (`Z` or `+00:00`) moved to German time (CET, CEST from the last Sunday of March
    /// to the last Sunday of October), so that its date is the one German readers saw: an article
    /// published at 23:30 UTC on 6 November appeared on 7 November. Other values are returned as they are.
    public static func inGermanTime(_ iso: String) -> String {
        let chars = Array(iso.utf8)
        guard chars.count >= 20, chars[10] == UInt8(ascii: "T"),
            iso.hasSuffix("Z") || iso.hasSuffix("+00:00"),
            let year = Int(String(iso.prefix(4))), let month = Int(String(iso.dropFirst(5).prefix(2))),
            let day = Int(String(iso.dropFirst(8).prefix(2))), let hour = Int(String(iso.dropFirst(11).prefix(2))),
            let minute = Int(String(iso.dropFirst(14).prefix(2))), let second = Int(String(iso.dropFirst(17).prefix(2)))
        else { return iso }
        let utcDay = daysFromCivil(year, month, day)
        let utcMinutes = hour * 60 + minute
        // Summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
        let start = lastSunday(year, 3), end = lastSunday(year, 10)
        let afterStart = utcDay > start || (utcDay == start && utcMinutes >= 60)
        let beforeEnd = utcDay < end || (utcDay == end && utcMinutes < 60)
        let offset = afterStart && beforeEnd ? 2 : 1
        var localMinutes = utcMinutes + offset * 60
        var localDay = utcDay
        if localMinutes >= 24 * 60 {
            localMinutes -= 24 * 60
            localDay += 1
        }
        let (y, m, d) = civilFromDays(localDay)
        return "\(y)-\(twoDigits(m))-\(twoDigits(d))T\(twoDigits(localMinutes / 60)):\(twoDigits(localMinutes % 60)):\(twoDigits(second))+0\(offset):00"
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The civil date of a day count since 1970-01-01 (civil_from_days).
    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day count of the last Sunday of `month` (1970-01-01 was a Thursday).
    private static func lastSunday(_ year: Int, _ month: Int) -> Int {
        let last = daysFromCivil(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) - 1
        let weekday = ((last % 7) + 7 + 4) % 7  // 0 = Sunday
        return last - weekday
    }

    /// The date in a URL path such as `/2022/08/05/`, `/2022-08-05-`, `/29-10-2021` or `/08112021-…`,
    /// or nil. The numbers must stand alone, between separators (`f1-2022` or `04Aktuelles` hold none).
    public static func fromURL(_ url: String) -> String? {
        // The path only: a host or query string holds no publication date.
        let path = Array((url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url).utf8)
        // Runs of digits with what stands before and after them.
        var runs: [(value: Int, length: Int, before: UInt8, after: UInt8, start: Int)] = []
        var i = 0
        while i < path.count {
            guard path[i] >= 0x30 && path[i] <= 0x39 else {
                i += 1
                continue
            }
            let start = i
            var value = 0
            while i < path.count && path[i] >= 0x30 && path[i] <= 0x39 {
                if i - start < 9 { value = value * 10 + Int(path[i] - 0x30) }
                i += 1
            }
            runs.append((value, i - start, start > 0 ? path[start - 1] : 0x2F, i < path.count ? path[i] : 0x2F, start))
        }
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x2F || byte == 0x2D || byte == 0x5F || byte == 0x2E }
        func standsAlone(_ run: (value: Int, length: Int, before: UInt8, after: UInt8, start: Int)) -> Bool {
            isSeparator(run.before) && isSeparator(run.after)
        }
        if runs.count >= 3 {
            for k in 0..<(runs.count - 2) {
                let (a, b, c) = (runs[k], runs[k + 1], runs[k + 2])
                // Three numbers in a row, each one separator apart, the same separator twice.
                guard standsAlone(a), standsAlone(b), standsAlone(c), b.start == a.start + a.length + 1,
                    c.start == b.start + b.length + 1, a.after == b.after
                else { continue }
                if a.length == 4, b.length <= 2, c.length <= 2, let date = plausible(a.value, b.value, c.value) { return date }
                if a.length <= 2, b.length <= 2, c.length == 4, let date = plausible(c.value, b.value, a.value) { return date }
            }
        }
        // Eight digits alone: DDMMYYYY or YYYYMMDD.
        for run in runs where run.length == 8 && standsAlone(run) {
            let v = run.value
            if let date = plausible(v % 10_000, v / 10_000 % 100, v / 1_000_000) ?? plausible(v / 10_000, v / 100 % 100, v % 100) {
                return date
            }
        }
        return nil
    }

    /// A date whose year is a plausible publication year for a web page.
    private static func plausible(_ year: Int?, _ month: Int?, _ day: Int?) -> String? {
        guard let year, let month, let day, (1995...2035).contains(year) else { return nil }
        return format(year: year, month: month, day: day)
    }

    /// A two-digit year read as the nearest year up to next year (`22` → 2022, `98` → 1998).
    static func fullYear(_ twoDigits: Int) -> Int {
        twoDigits <= 30 ? 2000 + twoDigits : 1900 + twoDigits
    }

    static func format(year: Int, month: Int, day: Int) -> String? {
        guard (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func digits(_ chars: [Unicode.Scalar], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= chars.count else { return nil }
        var value = 0
        for c in chars[start..<(start + count)] {
            guard c.value >= 0x30 && c.value <= 0x39 else { return nil }
            value = value * 10 + Int(c.value - 0x30)
        }
        return value
    }

    /// `YYYY-MM-DD` with an optional `THH:MM[:SS][.fff][Z|±HH[:]MM]`.
    private static func isoDate(_ c: [Unicode.Scalar]) -> String? {
        guard c.count >= 10 else { return nil }
        for start in 0...(c.count - 10) {
            guard let year = digits(c, start, 4), c[start + 4] == "-" || c[start + 4] == "/",
                let month = digits(c, start + 5, 2), c[start + 7] == c[start + 4],
                let day = digits(c, start + 8, 2), let date = format(year: year, month: month, day: day)
            else { continue }
            if start > 0 && isDigit(c[start - 1]) { continue }
            var i = start + 10
            guard i + 5 < c.count + 1, i < c.count, c[i] == "T" || c[i] == " ",
                let hour = digits(c, i + 1, 2), i + 3 < c.count, c[i + 3] == ":",
                let minute = digits(c, i + 4, 2), hour < 24, minute < 60
            else { return date }
            i += 6
            var second = 0
            if i + 2 < c.count + 1, i < c.count, c[i] == ":", let s = digits(c, i + 1, 2) {
                second = s
                i += 3
            }
            if i < c.count && c[i] == "." {
                i += 1
                while i < c.count && isDigit(c[i]) { i += 1 }
            }
            var zone = ""
            if i < c.count && c[i] == "Z" {
                zone = "Z"
            } else if i < c.count && (c[i] == "+" || c[i] == "-"), let zh = digits(c, i + 1, 2) {
                let colon = i + 3 < c.count && c[i + 3] == ":"
                if let zm = digits(c, i + (colon ? 4 : 3), 2) {
                    zone = "\(c[i])\(twoDigits(zh)):\(twoDigits(zm))"
                }
            }
            return "\(date)T\(twoDigits(hour)):\(twoDigits(minute)):\(twoDigits(second))\(zone)"
        }
        return nil
    }

    /// `DD.MM.YYYY` and `DD.MM.YY` (German numeric dates; `DD/MM/YYYY` or `MM/DD/YYYY` when the numbers
    /// tell which); a year of two digits glued to a time
    /// (`28.09.19` `12:44` from two elements) is read as two digits.
    private static func dottedDate(_ c: [Unicode.Scalar]) -> String? {
        guard c.count >= 8 else { return nil }
        var i = 0
        while i < c.count {
            // day: 1-2 digits, '.', month: 1-2 digits, '.', year: 4 digits
            var j = i
            var day = 0
            var n = 0
            while j < c.count, let d = digits(c, j, 1), n < 2 { day = day * 10 + d; j += 1; n += 1 }
            if n > 0, j < c.count, c[j] == "." || c[j] == "/", !(i > 0 && digits(c, i - 1, 1) != nil) {
                let separator = c[j]
                j += 1
                while j < c.count && c[j] == " " { j += 1 }
                var month = 0
                var m = 0
                while j < c.count, let d = digits(c, j, 1), m < 2 { month = month * 10 + d; j += 1; m += 1 }
                // Slashes are written day first in Europe and month first in the US (and by much
                // software in meta tags): only an order the numbers prove is taken.
                if separator == "/" {
                    if day <= 12 && month <= 12 { i += 1; continue }
                    if day <= 12 { (day, month) = (month, day) }
                }
                if m > 0, j < c.count, c[j] == separator {
                    j += 1
                    while j < c.count && c[j] == " " { j += 1 }
                    let gluedToTime = j + 4 < c.count && c[j + 4] == ":"
                    if !gluedToTime, let year = digits(c, j, 4), !(j + 4 < c.count && digits(c, j + 4, 1) != nil),
                        let date = format(year: year, month: month, day: day)
                    {
                        return date
                    }
                    if let year = digits(c, j, 2), gluedToTime || !(j + 2 < c.count && digits(c, j + 2, 1) != nil),
                        let date = format(year: fullYear(year), month: month, day: day)
                    {
                        return date
                    }
                }
            }
            i += 1
        }
        return nil
    }

    private static let months: [String: Int] = [
        "januar": 1, "jänner": 1, "jan": 1, "january": 1, "februar": 2, "feber": 2, "feb": 2, "february": 2,
        "märz": 3, "maerz": 3, "mär": 3, "mrz": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5,
        "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "october": 10, "oct": 10,
        "november": 11, "nov": 11, "dezember": 12, "dez": 12, "december": 12, "dec": 12,
    ]

    /// True when `word` (lower-case, without a trailing dot) names a month, in German or English.
    private static func isMonthName(_ word: String) -> Bool { months[word] != nil }

    /// Words besides numbers and month names that a date or time is written with (in a byline, a dateline).
    private static let dateWords: Set<String> = [
        "uhr", "am", "um", "on", "at", "pm", "est", "cet", "cest", "mez", "mesz", "utc", "gmt",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "mo", "di", "mi", "do", "fr", "sa", "so", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ]

    /// True for a month's or weekday's name or another word of a written date or time (lower-case).
    static func isDateWord(_ word: String) -> Bool {
        let bare = word.hasSuffix(".") || word.hasSuffix(",") ? String(word.dropLast()) : word
        return isMonthName(bare) || dateWords.contains(bare)
    }

    /// True when `part` is a date or a time and nothing else ("08. July 2015", "14:30 Uhr").
    static func isDateOrTime(_ part: Substring) -> Bool {
        part.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).allSatisfy { word in
            word.allSatisfy(\.isNumber) || isDateWord(String(word))
        }
    }

    /// `5. August 2022`, `5 August 2022`, `August 5, 2022`.
    private static func writtenDate(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{A0}" })
            .map { $0.hasSuffix(".") ? String($0.dropLast()) : String($0) }
        guard words.count >= 3 else { return nil }
        for i in 0..<words.count {
            guard let month = months[words[i]] else { continue }
            if i >= 1, i + 1 < words.count, let day = Int(words[i - 1]), let year = Int(words[i + 1]),
                let date = format(year: year, month: month, day: day)
            {
                return date
            }
            if i + 2 < words.count, let day = Int(words[i + 1]), let year = Int(words[i + 2]),
                let date = format(year: year, month: month, day: day)
            {
                return date
            }
            // "Mon Oct 11 14:57:21 CEST 2021" (Java's Date.toString).
            if i + 4 < words.count, let day = Int(words[i + 1]), words[i + 2].contains(":"),
                let year = Int(words[i + 4]), let date = format(year: year, month: month, day: day)
            {
                return date
            }
        }
        return nil
    }
}
