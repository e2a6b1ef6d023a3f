import Foundation

// MARK: - word lists

/// A kind of product the warehouse stocks: its name, how it is counted, its variants and how it is bought and sold.
struct ItemKind {
    var name: String
    var unit: String
    /// Each list adds one word group to the name (size, finish, colour…).
    var variants: [[String]]
    /// Largest quantity a customer usually orders on one line.
    var lineQuantity: ClosedRange<Int>
    /// Purchase pack sizes the supplier sells it in.
    var packs: [Int]

    init(_ name: String, _ unit: String, _ variants: [[String]], lines: ClosedRange<Int>, packs: [Int]) {
        self.name = name; self.unit = unit; self.variants = variants; self.lineQuantity = lines; self.packs = packs
    }
}

let metricSizes = ["M5", "M6", "M8", "M10", "M12", "M16"]
let steelFinishes = ["zinc plated", "stainless A2", "stainless A4", "hot-dip galvanised"] // not prose: demo data stored in the file, like a customer's own
let itemKinds: [ItemKind] = [
    // Fasteners
    ItemKind("Hex bolt", "box", [metricSizes, ["×20", "×30", "×40", "×60", "×80", "×100"], steelFinishes], lines: 1...20, packs: [10, 20, 50]),
    ItemKind("Hex nut", "box", [metricSizes, steelFinishes], lines: 1...20, packs: [10, 20, 50]),
    ItemKind("Flat washer", "box", [metricSizes, steelFinishes], lines: 1...20, packs: [10, 20, 50]),
    ItemKind("Wood screw", "box", [["3.5×30", "4×40", "4.5×50", "5×60", "5×80", "6×100"], ["Torx", "Pozidriv"],
                                   ["yellow zinc", "stainless A2", "Ruspert coated"]], lines: 1...30, packs: [10, 25, 50]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Wall plug", "box", [["5 mm", "6 mm", "8 mm", "10 mm"], ["nylon", "universal", "frame"]], lines: 1...30, packs: [10, 50]),
    ItemKind("Threaded rod", "pcs", [["M6", "M8", "M10", "M12"], ["1 m", "2 m"], steelFinishes], lines: 1...25, packs: [10, 25]),
    ItemKind("Blind rivet", "box", [["3.2×8", "4×10", "4.8×12"], ["aluminium", "steel", "stainless"]], lines: 1...15, packs: [10, 20]),
    ItemKind("Plasterboard screw", "box", [["3.5×25", "3.5×35", "3.9×45", "3.9×55"], ["phosphated", "zinc plated"]], lines: 1...40, packs: [20, 48]), // not prose: demo data stored in the file, like a customer's own
    // Electrical
    ItemKind("Cable tie", "pack", [["100×2.5 mm", "200×4.8 mm", "300×4.8 mm", "370×7.6 mm"], ["black", "natural"]], lines: 1...40, packs: [10, 50]),
    ItemKind("Installation cable", "m", [["3G1.5", "3G2.5", "5G1.5", "5G2.5", "5G6"], ["PFSP", "PR", "halogen-free"]], lines: 10...200, packs: [50, 100]),
    ItemKind("Circuit breaker", "pcs", [["B10", "B16", "C16", "C20", "C32"], ["1-pole", "3-pole"]], lines: 1...12, packs: [1, 6, 12]),
    ItemKind("Junction box", "pcs", [["IP44", "IP55", "IP67"], ["80×80", "100×100", "150×110"], ["grey", "white"]], lines: 1...20, packs: [10, 20]),
    ItemKind("LED panel", "pcs", [["30×120", "60×60", "62×62"], ["3000 K", "4000 K"], ["UGR<19", "backlit"]], lines: 1...12, packs: [1, 4]),
    ItemKind("Socket outlet", "pcs", [["single", "double"], ["surface-mounted", "flush"], ["white", "anthracite"]], lines: 1...20, packs: [5, 10]),
    ItemKind("Heat-shrink tube", "m", [["3.2 mm", "6.4 mm", "12.7 mm", "25.4 mm"], ["black", "red", "clear"]], lines: 5...50, packs: [10, 50]),
    // Plumbing
    ItemKind("Ball valve", "pcs", [["1/2\"", "3/4\"", "1\"", "5/4\""], ["brass", "stainless"], ["lever", "butterfly handle"]], lines: 1...10, packs: [1, 5, 10]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Press elbow 90°", "pcs", [["15 mm", "22 mm", "28 mm", "35 mm"], ["copper", "stainless", "carbon steel"]], lines: 1...30, packs: [10, 20]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("PEX pipe", "roll", [["16 mm", "20 mm", "25 mm"], ["50 m", "100 m"], ["with sleeve", "bare"]], lines: 1...5, packs: [1, 5]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Copper pipe", "pcs", [["15 mm", "22 mm", "28 mm"], ["3 m", "5 m"], ["half-hard", "soft"]], lines: 1...20, packs: [5, 10]),
    ItemKind("Pipe clamp", "pcs", [["15 mm", "22 mm", "28 mm", "35 mm", "54 mm"], ["with rubber", "galvanised"]], lines: 1...50, packs: [25, 50]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Flexible hose", "pcs", [["300 mm", "500 mm"], ["1/2\"×1/2\"", "3/8\"×1/2\""]], lines: 1...10, packs: [5, 10]),
    // Tools
    ItemKind("HSS drill bit set", "set", [["13-piece", "19-piece", "25-piece"], ["cobalt", "titanium-coated"]], lines: 1...5, packs: [1, 5]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Hole saw", "pcs", [["32 mm", "51 mm", "68 mm", "76 mm"], ["bi-metal", "TCT"]], lines: 1...5, packs: [1, 5]),
    ItemKind("Screwdriver", "pcs", [["PH1", "PH2", "PZ2", "T20", "T25", "slotted 5.5"], ["insulated 1000 V", "standard"]], lines: 1...10, packs: [1, 6]),
    ItemKind("Tape measure", "pcs", [["3 m", "5 m", "8 m"], ["magnetic hook", "standard"]], lines: 1...10, packs: [1, 6]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Spirit level", "pcs", [["600 mm", "1000 mm", "1200 mm", "2000 mm"], ["aluminium", "magnetic"]], lines: 1...5, packs: [1, 5]),
    ItemKind("Snap-off blade", "pack", [["18 mm", "25 mm"], ["10 blades", "50 blades"]], lines: 1...10, packs: [10, 20]),
    // Safety
    ItemKind("Work gloves", "pair", [["nitrile-coated", "leather", "cut-resistant C", "winter-lined"], ["size 8", "size 9", "size 10", "size 11"]],
             lines: 1...24, packs: [12, 24]),
    ItemKind("Safety glasses", "pcs", [["clear", "tinted", "yellow"], ["anti-fog", "standard"]], lines: 1...20, packs: [10, 20]),
    ItemKind("Dust mask", "box", [["FFP2", "FFP3"], ["with valve", "without valve"]], lines: 1...10, packs: [5, 10]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Hi-vis vest", "pcs", [["M", "L", "XL", "XXL"], ["yellow", "orange"]], lines: 1...20, packs: [10]),
    ItemKind("Safety boots S3", "pair", [["size 40", "size 41", "size 42", "size 43", "size 44", "size 45", "size 46"], ["low", "high"]],
             lines: 1...6, packs: [1]),
    // Packaging
    ItemKind("Packing tape", "roll", [["48 mm × 66 m", "50 mm × 66 m"], ["brown", "transparent", "printed"]], lines: 6...72, packs: [36]),
    ItemKind("Stretch film", "roll", [["500 mm × 300 m"], ["17 µm", "23 µm"], ["hand roll", "machine roll"]], lines: 1...12, packs: [6]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Cardboard box", "pcs", [["300×200×150", "400×300×200", "600×400×400"], ["single wall", "double wall"]], lines: 10...200, packs: [25, 50]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Bubble wrap", "roll", [["0.5 m × 100 m", "1.0 m × 50 m"], ["small bubbles", "large bubbles"]], lines: 1...10, packs: [1, 4]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Shipping label", "roll", [["100×150 mm", "100×50 mm"], ["thermal", "laser"]], lines: 1...20, packs: [10, 20]),
    // Paint and chemicals
    ItemKind("Silicone sealant", "tube", [["sanitary", "construction", "glazing"], ["white", "transparent", "grey"], ["300 ml"]], lines: 1...24, packs: [12, 24]),
    ItemKind("PU foam", "can", [["gun-grade", "hand-held", "fire-rated"], ["750 ml"]], lines: 1...24, packs: [12]),
    ItemKind("Wood primer", "can", [["1 l", "2.7 l", "10 l"], ["white", "grey"]], lines: 1...10, packs: [1, 6]),
    ItemKind("Anti-rust paint", "can", [["0.75 l", "2.5 l"], ["black", "RAL 7035", "RAL 9010"]], lines: 1...10, packs: [1, 6]),
    ItemKind("Degreaser", "can", [["1 l", "5 l"], ["solvent-based", "water-based"]], lines: 1...10, packs: [1, 4]),
    ItemKind("Thread locker", "pcs", [["medium strength", "high strength"], ["10 ml", "50 ml"]], lines: 1...10, packs: [10]), // not prose: demo data stored in the file, like a customer's own
    // Building hardware
    ItemKind("Angle bracket", "pcs", [["40×40", "60×60", "90×90", "105×105"], ["galvanised", "stainless"]], lines: 1...50, packs: [25, 50]),
    ItemKind("Joist hanger", "pcs", [["48×150", "48×198", "73×198"], ["galvanised"]], lines: 1...50, packs: [25]),
    ItemKind("Perforated strap", "roll", [["20 mm × 10 m", "40 mm × 10 m"], ["galvanised", "stainless"]], lines: 1...10, packs: [1, 5]),
    ItemKind("Door hinge", "pcs", [["76×76", "89×89", "102×76"], ["stainless", "brass", "matt black"]], lines: 1...20, packs: [2, 10]), // not prose: demo data stored in the file, like a customer's own
    ItemKind("Shelf bracket", "pcs", [["150 mm", "200 mm", "250 mm"], ["white", "black", "galvanised"]], lines: 1...20, packs: [10]),
]

let customerSurnames = [
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Berg",
    "Haugen", "Hagen", "Lund", "Strand", "Dahl", "Holm", "Lie", "Moen", "Bakken", "Solberg", "Lindqvist", "Nyström",
    "Virtanen", "Korhonen", "Schmidt", "Müller", "Novak", "Fischer", "Dubois", "Rossi", "Kowalski", "Nordby", "Fjeld", "Vik",
    "Eriksen", "Halvorsen", "Jakobsen", "Martinsen", "Iversen", "Sandvik", "Tangen", "Aune", "Eide", "Rud", "Myhre",
    "Bjørnstad", "Sørensen", "Ødegård", "Åsheim", "Løvås", "Grønli", "Brændeland", "Skår", "Kjær", "Næss", "Sæther", "Østby",
]
let customerTrades = ["Bygg", "Elektro", "VVS", "Rør", "Maskin", "Entreprenør", "Tømrer", "Eiendom", "Marine",
                              "Installasjon", "Industri", "Service", "Montasje", "Handel", "Verksted", "Anlegg"]
let customerForms = ["AS", "ANS", "& Sønn AS", "ApS", "AB", "Oy", "GmbH", "DA"]
let customerTowns = ["Oslo", "Bergen", "Trondheim", "Tromsø", "Bodø", "Ålesund", "Stavanger", "Kristiansand", "Drammen",
                             "Fredrikstad", "Gjøvik", "Hamar", "Molde", "Førde", "Harstad"]
/// A customer name in a non-Latin script, so every screen and export is exercised with CJK text.
let cjkCustomerName = "東京精機株式会社"
let europeanPlaces = ["Nordic", "Baltic", "Hanse", "Skagen", "Bergen", "Malmö", "Gdańsk", "Tallinn", "Rotterdam", "Milano",
                              "Lyon", "Ruhr", "Brno", "Porto", "Vilnius", "Oulu", "Aarhus"]
let europeanForms = ["AB", "AS", "A/S", "GmbH", "Sp. z o.o.", "Oy", "B.V.", "S.r.l.", "s.r.o."]
let overseasPlaces = ["Ningbo", "Shenzhen", "Taizhou", "Xiamen", "Taichung", "Busan", "Penang", "Haiphong"]
let overseasForms = ["Co., Ltd.", "Industrial Co., Ltd.", "Trading Co., Ltd.", "Manufacturing Ltd."]
let supplierTrades = ["Fasteners", "Electro", "Hardware", "Tools", "Plast", "Safety", "Packaging", "Chemicals", "Metal", "Trading"]

let salesActors = ["webshop", "edi", "kari", "lars", "mette"]
let warehouseActors = ["ole", "sofie", "tuan", "anna", "jonas"]
let purchaseActors = ["bjorn", "ingrid"]
let cancelReasons = ["customer cancelled: found it elsewhere", "customer cancelled: no longer needed", // not prose: demo data stored in the file, like a customer's own
                             "item discontinued by the supplier", "replaced by an alternative item", // not prose: demo data stored in the file, like a customer's own
                             "customer cancelled: waited too long", "duplicate order line"] // not prose: demo data stored in the file, like a customer's own
let etaReasons = ["supplier: production delay", "supplier: vessel delayed", "supplier: waiting for raw material", // not prose: demo data stored in the file, like a customer's own
                          "forwarder: customs hold", "supplier: capacity shortage", "supplier confirmed a new date"] // not prose: demo data stored in the file, like a customer's own
let shortPickNote = "short pick: shelf had less than the books" // not prose: demo data stored in the file, like a customer's own

func padded(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
