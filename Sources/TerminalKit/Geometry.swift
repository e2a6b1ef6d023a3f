/// A cell position; `x` is the column, `y` the row, both zero-based from the top left.
public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int
    /// Creates a point.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A size in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// How much of an axis one part of a split takes.
public enum LayoutConstraint: Hashable, Sendable {
    /// Exactly this many cells (less if there is not enough room).
    case fixed(Int)
    /// This fraction (0…1) of the whole length, rounded down.
    case fraction(Double)
    /// A share of whatever is left after fixed and fractional parts, proportional to the weight.
    case fill(weight: Int = 1)

    /// One share of the leftover space.
    public static let fill = LayoutConstraint.fill(weight: 1)
}

/// A rectangle of cells. Width and height are never negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Creates a rectangle; negative sizes become 0 so callers can subtract freely.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A rectangle at the origin.
    public init(width: Int, height: Int) { self.init(x: 0, y: 0, width: width, height: height) }

    /// The empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// First column.
    public var minX: Int { x }
    /// First row.
    public var minY: Int { y }
    /// One past the last column.
    public var maxX: Int { x + width }
    /// One past the last row.
    public var maxY: Int { y + height }
    /// Width and height.
    public var size: Size { Size(width: width, height: height) }
    /// Top-left cell.
    public var origin: Point { Point(x: x, y: y) }
    /// `true` when there is no cell inside.
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "Rect(x: \(x), y: \(y), w: \(width), h: \(height))" }

    /// Whether the cell at `point` lies inside.
    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
    }

    /// Shrinks every side by `amount` cells (never below an empty rectangle).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Shrinks each side by its own amount.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = max(0, width - left - right)
        let newHeight = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: newWidth, height: newHeight)
    }

    /// The overlapping part, or an empty rectangle (at the clamped origin) when they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        if right <= left || bottom <= top {
            return Rect(x: min(max(left, other.x), other.maxX), y: min(max(top, other.y), other.maxY), width: 0, height: 0)
        }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Whether the two rectangles share at least one cell.
    public func intersects(_ other: Rect) -> Bool { !intersection(other).isEmpty }

    /// This rectangle moved and shrunk to lie within `bounds`.
    public func clamped(to bounds: Rect) -> Rect { intersection(bounds) }

    /// A rectangle of the given size centred inside this one (shrunk to fit).
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(max(0, width), self.width)
        let h = min(max(0, height), self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }

    /// Side-by-side parts from left to right, one per constraint. The parts tile this rectangle.
    public func columns(_ constraints: [LayoutConstraint]) -> [Rect] {
        Rect.distribute(width, constraints).map { Rect(x: x + $0.offset, y: y, width: $0.length, height: height) }
    }

    /// Stacked parts from top to bottom, one per constraint. The parts tile this rectangle.
    public func rows(_ constraints: [LayoutConstraint]) -> [Rect] {
        Rect.distribute(height, constraints).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.length) }
    }

    /// Splits off `count` rows at the top: `(top, rest)`.
    public func dividedTop(_ count: Int) -> (top: Rect, rest: Rect) {
        let parts = rows([.fixed(count), .fill])
        return (parts[0], parts[1])
    }

    /// Splits off `count` rows at the bottom: `(rest, bottom)`.
    public func dividedBottom(_ count: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, count), height)
        let parts = rows([.fill, .fixed(taken)])
        return (parts[0], parts[1])
    }

    /// Lengths and offsets for a split along one axis.
    /// Fixed and fractional parts are served in order until the space runs out; fill parts share the rest.
    static func distribute(_ total: Int, _ constraints: [LayoutConstraint]) -> [(offset: Int, length: Int)] {
        let total = max(0, total)
        var lengths = Array(repeating: 0, count: constraints.count)
        var remaining = total
        var totalWeight = 0
        for (index, constraint) in constraints.enumerated() {
            switch constraint {
            case .fixed(let n):
                lengths[index] = min(max(0, n), remaining)
            case .fraction(let f):
                let wanted = f.isFinite ? Int((Double(total) * min(max(f, 0), 1)).rounded(.down)) : 0
                lengths[index] = min(wanted, remaining)
            case .fill(let weight):
                totalWeight += max(0, weight)
                continue
            }
            remaining -= lengths[index]
        }
        if totalWeight > 0 {
            var handed = 0
            var lastFill = -1
            for (index, constraint) in constraints.enumerated() {
                guard case .fill(let weight) = constraint, weight > 0 else { continue }
                lengths[index] = remaining * weight / totalWeight
                handed += lengths[index]
                lastFill = index
            }
            // Integer division leaves a remainder; the last fill part absorbs it so the parts tile exactly.
            if lastFill >= 0 { lengths[lastFill] += remaining - handed }
        }
        var offset = 0
        return lengths.map { length in
            defer { offset += length }
            return (offset, length)
        }
    }
}
