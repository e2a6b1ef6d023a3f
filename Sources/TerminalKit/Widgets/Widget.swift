/// Something that draws itself into a region of a `ScreenBuffer`.
///
/// Widgets are plain values: build one from your model each frame and render it. A widget only
/// writes inside `area` (clipped to the buffer), whatever its size, including 0×0.
public protocol Widget {
    /// Draws into `buffer`, restricted to `area`.
    func render(into buffer: inout ScreenBuffer, in area: Rect)
}

extension ScreenBuffer {
    /// Renders a widget into `area` (the whole buffer by default).
    public mutating func render(_ widget: some Widget, in area: Rect? = nil) {
        widget.render(into: &self, in: (area ?? bounds).intersection(bounds))
    }
}

/// Scrolling helper shared by the list-like widgets.
public enum Scrolling {
    /// The first visible row so that `selected` is visible, moving as little as possible from `current`.
    ///
    /// Pure and total: any inputs (negative, out of range, zero visible rows) give an offset in
    /// `0...max(0, rowCount - visibleRows)`, and 0 when there is nothing to show.
    public static func offset(selected: Int?, current: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        let maxOffset = max(0, rowCount - visibleRows)
        var offset = min(max(0, current), maxOffset)
        if let selected {
            let row = min(max(0, selected), rowCount - 1)
            if row < offset { offset = row }
            if row >= offset + visibleRows { offset = row - visibleRows + 1 }
        }
        return min(max(0, offset), maxOffset)
    }
}
