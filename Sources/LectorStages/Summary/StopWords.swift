/// Words that carry no topic: English here, the other languages in `StopWords+Languages.swift`.
enum StopWords {
    /// Function words only (articles, pronouns, auxiliaries, prepositions, conjunctions): left out of
    /// sentence vectors. Kept short on purpose: news words such as "said" still link sentences.
    static let function: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she",
        "they", "we", "you", "i", "his", "her", "their", "our", "your", "my", "me", "him", "them", "us", "not", "no",
        "so", "than", "then", "there", "here", "which", "who", "whom", "what", "when", "where", "why", "how", "all",
        "any", "each", "some", "such", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
        "do", "does", "did", "has", "have", "had", "also", "into", "over", "under", "about", "after", "before", "up",
        "down", "out", "off", "more", "most", "other",
    ]

    /// Function words plus common news verbs and time words that never make a key phrase.
    static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "either", "else", "ever", "every", "few", "for", "from",
        "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
        "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "least", "less",
        "let", "like", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "neither", "no", "nor",
        "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out",
        "over", "own", "per", "quite", "rather", "really", "said", "same", "say", "says", "shall", "she", "should",
        "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
        "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "under",
        "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what", "whatever", "when",
        "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
        "would", "yet", "you", "your", "yours", "yourself", "yourselves", "s", "t", "d", "ll", "m", "re", "ve",
        "don", "didn", "doesn", "isn", "wasn", "weren", "won", "wouldn", "couldn", "shouldn", "hasn", "haven",
        "hadn", "aren", "mr", "mrs", "ms", "dr", "new", "year", "years", "told", "according", "many", "another",
        "around", "get", "got", "go", "going", "make", "made", "take", "two", "three", "first", "next", "time",
        "would", "week", "day", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "way", "even", "back", "use", "used", "being", "cent", "per",
    ]
}
