/// The words of the numeric rules in German, French, Spanish, Dutch and Italian (lower-cased), and
/// what each language writes differently: a day as an ordinal with a dot ("3. Oktober"), a connector
/// between day, month and year ("3 de mayo de 2024") or before a currency ("1,5 millones de euros"),
/// months in lower case, a currency sign after the amount ("5 €"), a clock word ("14.30 Uhr").
extension NumericEntityRules {
    /// What differs in one language, besides its words.
    struct LanguageRules: Sendable {
        /// The language's words and their classes, in `add`'s format (words separated by spaces).
        var words: [(String, WordClass)]
        /// "3. Oktober": a day number, a dot token, then a month.
        var dayDot = false
        /// Months are written in lower case: a lower-case month is a date beside a day or a year.
        var lowercaseMonths = false
        /// Ordinal endings after digits ("1er", "2e" in French), besides English st/nd/rd/th.
        var ordinalSuffixes: Set<String> = []
    }

    /// Symbols and units every language shares.
    static let sharedWords: [(String, WordClass)] = [
        ("$ us$ € £ ¥ usd eur gbp jpy chf", .currencyBefore),
        ("%", .percent),
        ("km km/h m cm mm kg g mg t ml l kwh mw gw kw ha", .unit),
        ("mio mrd mln mld tsd bn", .scale),
    ]

    /// The rules for a language other than English (nil for English and languages without rules).
    static func rules(language: String) -> LanguageRules? {
        switch language {
        case "de":
            return LanguageRules(
                words: [
                    ("januar jänner februar märz april mai juni juli august september oktober november dezember "
                        + "jan. feb. apr. aug. sept. okt. nov. dez.", .month),
                    ("montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag", .weekday),
                    ("gestern heute vorgestern übermorgen", .relativeDay),
                    ("letzte letzten letzter vergangene vergangenen nächste nächsten kommende kommenden", .relativeModifier),
                    ("woche wochenende monat jahr jahres quartal jahrzehnt jahrhundert", .period),
                    ("euro dollar us-dollar franken pfund yen yuan rubel kronen rappen cent", .currencyAfter),
                    ("prozent", .percent),
                    ("uhr", .clockWord),
                    ("meter kilometer kilogramm gramm tonnen tonne liter grad hektar quadratmeter", .unit),
                    ("tausend million millionen milliarde milliarden billion billionen", .scale),
                    ("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert", .numberWord),
                ], dayDot: true)
        case "fr":
            return LanguageRules(
                words: [
                    ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
                        + "janv. févr. avr. juil. sept. oct. nov. déc.", .month),
                    ("lundi mardi mercredi jeudi vendredi samedi dimanche", .weekday),
                    ("hier aujourd'hui demain avant-hier après-demain", .relativeDay),
                    ("euros euro dollars dollar francs franc livres livre yens yuans", .currencyAfter),
                    ("pour", .perWord), ("cent", .centWord), ("pourcent", .percent),
                    ("de d' d’", .connector),
                    ("mètres mètre kilomètres kilomètre kilos kilogrammes tonnes tonne litres litre degrés hectares", .unit),
                    ("mille million millions milliard milliards", .scale),
                    ("deux trois quatre cinq six sept huit neuf dix onze douze vingt trente", .numberWord),
                ], lowercaseMonths: true, ordinalSuffixes: ["er", "re", "e", "eme"])
        case "es":
            return LanguageRules(
                words: [
                    ("enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre",
                        .month),
                    ("lunes martes miércoles jueves viernes sábado domingo", .weekday),
                    ("ayer hoy anteayer", .relativeDay),
                    ("euros euro dólares dolares dólar dolar pesos peso libras libra yenes yuanes", .currencyAfter),
                    ("por", .perWord), ("ciento", .centWord),
                    ("de del", .connector),
                    ("metros metro kilómetros kilómetro kilos kilogramos toneladas tonelada litros litro grados hectáreas",
                        .unit),
                    ("mil millón millones millardo millardos billón billones", .scale),
                    ("dos tres cuatro cinco seis siete ocho nueve diez once doce veinte treinta cien", .numberWord),
                ], lowercaseMonths: true)
        case "nl":
            return LanguageRules(
                words: [
                    ("januari februari maart april mei juni juli augustus september oktober november december "
                        + "jan. feb. mrt. apr. aug. sept. okt. nov. dec.", .month),
                    ("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag", .weekday),
                    ("gisteren vandaag eergisteren overmorgen", .relativeDay),
                    ("vorige volgende afgelopen komende", .relativeModifier),
                    ("week weekend maand jaar kwartaal eeuw", .period),
                    ("euro dollar gulden pond yen yuan", .currencyAfter),
                    ("procent", .percent),
                    ("uur", .clockWord),
                    ("meter kilometer kilo kilogram gram ton liter graden hectare", .unit),
                    ("duizend miljoen miljoenen miljard miljarden", .scale),
                    ("twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig honderd", .numberWord),
                ], lowercaseMonths: true)
        case "it":
            return LanguageRules(
                words: [
                    ("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
                        .month),
                    ("lunedì martedì mercoledì giovedì venerdì sabato domenica", .weekday),
                    ("ieri oggi domani", .relativeDay),
                    ("prossimo prossima scorso scorsa", .relativeModifier),
                    ("settimana mese anno trimestre decennio secolo", .period),
                    ("euro dollari dollaro sterline sterlina lire lira yen yuan", .currencyAfter),
                    ("per", .perWord), ("cento", .centWord),
                    ("di", .connector),
                    ("metri metro chilometri chilometro chili chilogrammi tonnellate litri gradi ettari", .unit),
                    ("mila mille milione milioni miliardo miliardi", .scale),
                    ("due tre quattro cinque sei sette otto nove dieci undici dodici venti trenta", .numberWord),
                ], lowercaseMonths: true)
        default:
            return nil
        }
    }
}
