import BackorderCore

/// What `check` finds wrong with the filter's index (rule "search index"); `{1}` of the table findings is the index's
/// table name, a key that stays as it is.
public enum SearchText: String, Catalogued {
    case orderMissing, orderExtra, textDiffers, textExtra, trigramCount

    public var texts: (en: String, nb: String) {
        switch self {
        case .orderMissing: return ("order {0} is not in the filter's index", "ordre {0} mangler i filterindeksen")
        case .orderExtra: return ("the filter's index holds order id {0}, which does not exist",
                                  "filterindeksen har ordre-id {0}, som ikke finnes")
        case .textDiffers: return ("{0}: {1} is missing or has another name in the filter's index",
                                   "{0}: {1} mangler eller har et annet navn i filterindeksen")
        case .textExtra: return ("{0}: the filter's index holds {1}, which does not exist",
                                 "{0}: filterindeksen har {1}, som ikke finnes")
        case .trigramCount: return ("{0}: the filter's index holds {1} trigrams, the text has {2}",
                                    "{0}: filterindeksen har {1} trigrammer, teksten har {2}")
        }
    }
}
