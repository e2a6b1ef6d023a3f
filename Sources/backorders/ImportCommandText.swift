import BackorderCore

/// The help of `backorders import`.
enum ImportCommandText: String, Catalogued {
    case abstract, discussion, kindHelp, fileHelp, mapHelp, mapFileHelp, dryRunHelp, jsonHelp

    var texts: (en: String, nb: String) {
        switch self {
        case .abstract:
            return ("Import a CSV file of items, stock counts, customers, orders or arrivals: all of it, or nothing.",
                    "Importer en CSV-fil med varer, varetellinger, kunder, ordrer eller ankomster: alt, eller ingenting.")
        case .discussion:
            return ("""
                Columns are matched by header name (any case, any order, accents and
                punctuation aside); required columns first, [optional] after:
                  items      sku,name[,unit,bin,stock,moq,pack,supplier,lead_time]
                             new items get `stock` as opening stock; others are updated
                  customers  code,name
                             new customers are added; a changed name is updated
                  stock      sku,counted
                             a stock count: journaled adjustments; found stock goes
                             to backorders
                  orders     order,customer,sku,qty[,date,priority,policy,line,note]
                             one row per line, grouped by order number; the customer
                             by code or by its exact name
                  arrivals   po,line,sku,qty,eta,supplier
                Norwegian headers are known too (Ordrenr, Kunde, Dato, Varenr, Antall,
                Merknad, Leverandør, Forventet, ...); map any other header with
                --map 'Header=column' or a --map-file of Header=column lines
                (Header=- skips the column).
                Separator `,` or `;` (read from the header line), RFC 4180 quoting,
                UTF-8 with or without BOM, CRLF or LF. Days YYYY-MM-DD, DD.MM.YYYY or
                D.M.YYYY. Quantities must be whole: 12, 12,0, 12.00, 1 000, 1.000,0 and
                1,000.00 are read; 12,5 is refused, and so is 1.000 (a thousand or one?).
                Orders (by number) and arrivals (by PO and line) already there with the
                same content are left unchanged, so importing a file twice changes
                nothing; with other content they are refused. Every problem is listed as
                FILE:LINE: column: reason (the first 100), and then nothing is changed
                (exit 1).
                """, """
                Kolonnene finnes ut fra overskriftene (store eller små bokstaver, i
                hvilken som helst rekkefølge); påkrevde først, [valgfrie] etter:
                  items      sku,name[,unit,bin,stock,moq,pack,supplier,lead_time]
                             nye varer får `stock` som inngående beholdning; andre
                             oppdateres
                  customers  code,name
                             nye kunder legges til; et endret navn oppdateres
                  stock      sku,counted
                             en varetelling: lagerjusteringer i journalen; funnet vare
                             går til restordrer
                  orders     order,customer,sku,qty[,date,priority,policy,line,note]
                             én rad per ordrelinje, samlet etter ordrenummer; kunden
                             med kundenummer eller nøyaktig navn
                  arrivals   po,line,sku,qty,eta,supplier
                Norske overskrifter kjennes også igjen (Ordrenr, Kunde, Dato, Varenr,
                Antall, Merknad, Leverandør, Forventet …); andre overskrifter kobles med
                --map 'Overskrift=kolonne' eller en --map-file med linjer
                Overskrift=kolonne (Overskrift=- hopper over kolonnen).
                Skilletegn `,` eller `;` (lest fra overskriftslinjen), anførselstegn
                etter RFC 4180, UTF-8 med eller uten BOM, CRLF eller LF. Datoer
                ÅÅÅÅ-MM-DD, DD.MM.ÅÅÅÅ eller D.M.ÅÅÅÅ. Antall må være hele tall: 12,
                12,0, 12.00, 1 000, 1.000,0 og 1,000.00 leses; 12,5 avvises, og det gjør
                også 1.000 (tusen eller én?).
                Ordrer (etter nummer) og ankomster (etter innkjøpsordre og linje) som
                finnes fra før med samme innhold, står uendret, så en fil som importeres
                to ganger endrer ingenting andre gang; med annet innhold avvises de.
                Hvert problem skrives som FIL:LINJE: kolonne: årsak (de 100 første), og
                da endres ingenting (avslutningskode 1).
                """)
        case .kindHelp:
            return ("items, stock, customers, orders or arrivals.", "items, stock, customers, orders eller arrivals (varer, telling, kunder, ordrer, ankomster).")
        case .fileHelp:
            return ("The CSV file.", "CSV-filen.")
        case .mapHelp:
            return ("Header=column pairs, comma-separated, for headers the import does not know (Header=- skips a column).",
                    "Par av Overskrift=kolonne, skilt med komma, for overskrifter importen ikke kjenner (Overskrift=- hopper over en kolonne).")
        case .mapFileHelp:
            return ("A file of Header=column lines (# starts a comment), kept for a supplier's or an office's files.",
                    "En fil med linjer Overskrift=kolonne (# innleder en kommentar), til å ta vare på for en leverandørs eller et kontors filer.")
        case .dryRunHelp:
            return ("Show what would be created and changed, and change nothing.", "Vis hva som ville blitt opprettet og endret, og endre ingenting.")
        case .jsonHelp:
            return ("Print the outcome as JSON.", "Skriv resultatet som JSON.")
        }
    }
}

/// The help of `--csv-dialect`.
enum CSVOutputText: String, Catalogued {
    case dialectHelp

    var texts: (en: String, nb: String) {
        switch self {
        case .dialectHelp:
            return ("With --csv: rfc4180 (the default: `,`, exact data for programs) or excel-nb (`;`, BOM, decimal comma, no live formulas: what a Norwegian Excel opens straight).",
                    "Med --csv: rfc4180 (standard: `,`, nøyaktige data for programmer) eller excel-nb (`;`, BOM, desimalkomma, ingen aktive formler: det et norsk Excel åpner direkte).")
        }
    }
}
