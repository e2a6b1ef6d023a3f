/// A terminal colour: the terminal's default, or an index into the 256-colour palette.
///
/// Indices 0–7 are the basic ANSI colours, 8–15 their bright variants and 16–255 the
/// xterm extended palette. Backends degrade gracefully on terminals with fewer colours.
public struct Color: Hashable, Sendable, CustomStringConvertible {
    /// The palette index, or `nil` for the terminal's default colour.
    public let index: UInt8?

    private init(storage index: UInt8?) { self.index = index }

    /// A colour from the 256-colour palette.
    public static func indexed(_ index: UInt8) -> Color { Color(storage: index) }

    /// The terminal's own foreground/background (keeps transparent backgrounds).
    public static let `default` = Color(storage: nil)
    /// Basic ANSI colours 0–7.
    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)
    /// Bright variants 8–15 (shown as basic + bold on 8-colour terminals).
    public static let brightBlack = Color.indexed(8)
    public static let brightRed = Color.indexed(9)
    public static let brightGreen = Color.indexed(10)
    public static let brightYellow = Color.indexed(11)
    public static let brightBlue = Color.indexed(12)
    public static let brightMagenta = Color.indexed(13)
    public static let brightCyan = Color.indexed(14)
    public static let brightWhite = Color.indexed(15)

    /// `true` for palette indices 8–15.
    public var isBright: Bool { index.map { (8...15).contains($0) } ?? false }

    public var description: String { index.map { "color(\($0))" } ?? "default" }
}

/// Text attributes that can be combined, e.g. `[.bold, .underline]`.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Attributes; a terminal may not support all (italic is often missing).
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// Foreground, background and attributes of a cell.
public struct Style: Hashable, Sendable {
    /// Text colour.
    public var foreground: Color
    /// Cell background colour.
    public var background: Color
    /// Bold, dim, reverse, underline, italic.
    public var attributes: TextAttributes

    /// Creates a style; every parameter defaults to "terminal default".
    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// Default colours, no attributes.
    public static let plain = Style()
    /// Reverse video, the conventional look of a selected row.
    public static let reversed = Style(attributes: .reverse)
    /// Bold text in default colours.
    public static let bold = Style(attributes: .bold)

    /// A copy with extra attributes added.
    public func adding(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    /// A copy with another foreground colour.
    public func foreground(_ color: Color) -> Style {
        var copy = self
        copy.foreground = color
        return copy
    }

    /// A copy with another background colour.
    public func background(_ color: Color) -> Style {
        var copy = self
        copy.background = color
        return copy
    }

    /// Lays `overlay` on top of `self`: non-default colours of the overlay win, attributes are united.
    public func merged(with overlay: Style) -> Style {
        Style(
            foreground: overlay.foreground == .default ? foreground : overlay.foreground,
            background: overlay.background == .default ? background : overlay.background,
            attributes: attributes.union(overlay.attributes)
        )
    }
}

/// One terminal cell.
///
/// `content` holds exactly one grapheme cluster of display width 1 or 2, or `""` for the
/// right half of a wide (two-column) character whose left half is the cell before it.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, or `""` for the right half of a wide character.
    public var content: String
    public var style: Style

    /// Creates a cell; `content` should be one character (buffer writes enforce it).
    public init(_ content: String = " ", style: Style = .plain) {
        self.content = content
        self.style = style
    }

    /// A space in the plain style.
    public static let blank = Cell()

    /// `true` for the right half of a wide character.
    public var isContinuation: Bool { content.isEmpty }
}
