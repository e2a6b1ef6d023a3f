/// Messages of the core: validation and the words every front end shares.
public enum CoreText: String, Catalogued {
    case unknownLanguage, unknownLanguageVariable
    case languageName

    public var texts: (en: String, nb: String) {
        switch self {
        case .unknownLanguage:
            return ("unknown language \"{0}\": use nb (Norwegian) or en (English)",
                    "ukjent språk «{0}»: bruk nb (norsk) eller en (engelsk)")
        case .unknownLanguageVariable:
            return ("BACKORDERS_LANG=\"{0}\" names no language this program speaks: use nb or en",
                    "BACKORDERS_LANG=«{0}» er ikke et språk programmet kan: bruk nb eller en")
        case .languageName:
            return ("English", "norsk")
        }
    }
}
