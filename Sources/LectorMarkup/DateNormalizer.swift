/// Normalises the date formats found in feeds and pages to ISO 8601.
///
/// Reads ISO 8601 (`2024-03-05`, `2024-03-05T10:20:30+01:00`, `20240305T102030Z`), RFC 822 / RFC 1123
/// (`Tue, 05 Mar 2024 10:20:30 GMT`) and English or common European month-name dates (`March 5, 2024`,
/// `5 March 2024`). A date with a time becomes UTC `YYYY-MM-DDTHH:MM:SSZ` (a missing zone is taken as
/// UTC); a date alone becomes `YYYY-MM-DD`. Returns nil when nothing plausible is found.
enum DateNormalizer {
    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case symbol(UInt8)
    }

    private static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["jan", "january", "januar", "janvier", "enero", "gennaio", "jänner", "janeiro"],
            ["feb", "february", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro"],
            ["mar", "march", "märz", "maerz", "mars", "marzo", "março"],
            ["apr", "april", "avril", "abril", "aprile"],
            ["may", "mai", "mayo", "maggio", "maio"],
            ["jun", "june", "juni", "juin", "junio", "giugno", "junho"],
            ["jul", "july", "juli", "juillet", "julio", "luglio", "julho"],
            ["aug", "august", "août", "aout", "agosto"],
            ["sep", "sept", "september", "septembre", "septiembre", "settembre", "setembro"],
            ["oct", "october", "oktober", "octobre", "octubre", "ottobre", "outubro"],
            ["nov", "november", "novembre", "noviembre", "novembro"],
            ["dec", "december", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro"],
        ]
        for (index, list) in names.enumerated() { for name in list { table[name] = index + 1 } }
        return table
    }()

    private static let zones: [String: Int] = [
        "z": 0, "gmt": 0, "ut": 0, "utc": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "bst": 60, "ist": 330,
    ]

    static func normalize(_ raw: String) -> String? {
        let tokens = tokenize(raw)
        guard !tokens.isEmpty else { return nil }
        var year = 0
        var month = 0
        var day = 0
        var position = 0
        // Find the date part.
        var found = false
        for start in tokens.indices {
            if case .number(let value, let digits) = tokens[start] {
                if digits == 8 && (19_000_101...21_001_231).contains(value) {
                    (year, month, day) = (value / 10_000, value / 100 % 100, value % 100)
                    position = start + 1
                    found = true
                    break
                }
                if digits == 4, start + 4 < tokens.count, case .symbol(let s1) = tokens[start + 1],
                    case .number(let m, _) = tokens[start + 2], case .symbol(let s2) = tokens[start + 3], s1 == s2,
                    case .number(let d, _) = tokens[start + 4], s1 == UInt8(ascii: "-") || s1 == UInt8(ascii: "/") || s1 == UInt8(ascii: ".")
                {
                    (year, month, day) = (value, m, d)
                    position = start + 5
                    found = true
                    break
                }
                // D.M.YYYY or D/M/YYYY (day first, the European order).
                if digits <= 2, start + 4 < tokens.count, case .symbol(let s1) = tokens[start + 1],
                    case .number(let m, let mDigits) = tokens[start + 2], mDigits <= 2, case .symbol(let s2) = tokens[start + 3],
                    s1 == s2, case .number(let y, 4) = tokens[start + 4], s1 == UInt8(ascii: ".") || s1 == UInt8(ascii: "/")
                {
                    (year, month, day) = (y, m, value)
                    if month > 12 && day <= 12 { swap(&month, &day) }
                    position = start + 5
                    found = true
                    break
                }
            }
            if case .word(let word) = tokens[start], let m = months[word] {
                // "5 March 2024" or "March 5, 2024".
                var dayValue: Int?
                var yearValue: Int?
                var end = start + 1
                if start > 0, case .number(let d, let digits) = tokens[start - 1], digits <= 2 { dayValue = d }
                if start > 1, tokens[start - 1] == .symbol(UInt8(ascii: ".")), case .number(let d, let digits) = tokens[start - 2],
                    digits <= 2
                {
                    dayValue = d
                }
                var look = start + 1
                while look < tokens.count && look <= start + 4 {
                    if case .number(let n, let digits) = tokens[look] {
                        if digits == 4 {
                            yearValue = n
                            end = look + 1
                            break
                        } else if digits <= 2 && dayValue == nil {
                            dayValue = n
                        }
                    }
                    look += 1
                }
                if let dayValue, let yearValue {
                    (year, month, day) = (yearValue, m, dayValue)
                    position = end
                    found = true
                    break
                }
            }
        }
        guard found, (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day),
            day <= daysIn(month: month, year: year)
        else { return nil }

        // Optional time, then zone.
        var hour = -1
        var minute = 0
        var second = 0
        var offsetMinutes = 0
        var index = position
        while index < tokens.count {
            if case .number(let h, let hDigits) = tokens[index], hDigits <= 2, index + 2 < tokens.count,
                tokens[index + 1] == .symbol(UInt8(ascii: ":")), case .number(let m, 2) = tokens[index + 2]
            {
                hour = h
                minute = m
                index += 3
                if index + 1 < tokens.count, tokens[index] == .symbol(UInt8(ascii: ":")), case .number(let s, 2) = tokens[index + 1] {
                    second = s
                    index += 2
                }
                if index + 1 < tokens.count, tokens[index] == .symbol(UInt8(ascii: ".")), case .number = tokens[index + 1] {
                    index += 2
                }
                break
            }
            if case .number(let compact, 6) = tokens[index], index > 0, tokens[index - 1] == .word("t") {
                hour = compact / 10_000
                minute = compact / 100 % 100
                second = compact % 100
                index += 1
                break
            }
            index += 1
            if index > position + 3 { break }
        }
        if hour >= 0 {
            if index < tokens.count, case .word(let word) = tokens[index] {
                if word == "pm" && hour < 12 { hour += 12 }
                if word == "am" && hour == 12 { hour = 0 }
                if word == "pm" || word == "am" { index += 1 }
            }
            if index < tokens.count {
                switch tokens[index] {
                case .word(let zone): offsetMinutes = zones[zone] ?? 0
                case .symbol(let sign) where sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"):
                    if index + 1 < tokens.count, case .number(let value, let digits) = tokens[index + 1] {
                        var minutes = 0
                        if digits == 4 {
                            minutes = value / 100 * 60 + value % 100
                        } else if digits <= 2 {
                            minutes = value * 60
                            if index + 3 < tokens.count, tokens[index + 2] == .symbol(UInt8(ascii: ":")),
                                case .number(let m, 2) = tokens[index + 3]
                            {
                                minutes += m
                            }
                        }
                        offsetMinutes = sign == UInt8(ascii: "-") ? -minutes : minutes
                    }
                default: break
                }
            }
            guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else {
                return format(year, month, day)
            }
            // Shift to UTC.
            var days = daysFromCivil(year, month, day)
            var minutesOfDay = hour * 60 + minute - offsetMinutes
            while minutesOfDay < 0 {
                minutesOfDay += 1440
                days -= 1
            }
            while minutesOfDay >= 1440 {
                minutesOfDay -= 1440
                days += 1
            }
            let (y, m, d) = civilFromDays(days)
            return format(y, m, d) + "T" + pad(minutesOfDay / 60) + ":" + pad(minutesOfDay % 60) + ":" + pad(min(second, 59)) + "Z"
        }
        return format(year, month, day)
    }

    private static func tokenize(_ raw: String) -> [Token] {
        var tokens: [Token] = []
        var word = String.UnicodeScalarView()
        var number = 0
        var digits = 0
        func endWord() {
            if !word.isEmpty { tokens.append(.word(String(word).lowercased())) }
            word.removeAll()
        }
        func endNumber() {
            if digits > 0 { tokens.append(.number(digits > 9 ? 0 : number, digits: digits)) }
            number = 0
            digits = 0
        }
        for scalar in raw.unicodeScalars.prefix(200) {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                endWord()
                if digits < 10 { number = number * 10 + Int(scalar.value - 0x30) }
                digits += 1
            } else if scalar.properties.isAlphabetic {
                endNumber()
                word.append(scalar)
            } else {
                endWord()
                endNumber()
                if scalar.value < 0x80 && scalar != " " && scalar != "," { tokens.append(.symbol(UInt8(scalar.value))) }
            }
        }
        endWord()
        endNumber()
        // "2024-03-05T10:20" puts "t" between date and time; split "t10" cases are already apart.
        return tokens
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-\(pad(month))-\(pad(day))"
    }
}
