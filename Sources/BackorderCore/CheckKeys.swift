/// Row ids mapped to slots 0, 1, 2… in the order they were added: an array lookup while ids stay dense (as both engines
/// hand them out), a dictionary for ids far beyond the count (a hand-edited table), so no id can make the array huge.
public struct Slots: Sendable {
    @usableFromInline var direct: [Int32] = []
    @usableFromInline var sparse: [Int64: Int] = [:]
    public private(set) var count = 0

    public init() {}

    public mutating func add(_ id: Int64) -> Int {
        let slot = count
        count += 1
        if id >= 0 && id < Int64(4 * count + (1 << 16)) {
            let i = Int(id)
            if i >= direct.count { direct.append(contentsOf: repeatElement(-1, count: max(i + 1 - direct.count, direct.count))) }
            direct[i] = Int32(slot)
        } else {
            sparse[id] = slot
        }
        return slot
    }

    @inlinable
    public func slot(_ id: Int64) -> Int? {
        if id >= 0 && id < Int64(direct.count) {
            let s = direct[Int(id)]
            if s >= 0 { return Int(s) }
        }
        return sparse.isEmpty ? nil : sparse[id]
    }
}

/// A text of up to 16 bytes packed in two integers, compared and hashed without making a String; a longer text is kept
/// as a String. A store makes one from the bytes its driver hands over, so a million rows make no Strings.
public struct PackedText: Hashable, Sendable {
    @usableFromInline var a: UInt64 = 0, b: UInt64 = 0
    @usableFromInline var length = 0
    @usableFromInline var long: String?

    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { PackedText($0.baseAddress, $0.count) }
    }

    /// The `length` bytes at `p` (UTF-8).
    @inlinable
    public init(_ p: UnsafePointer<UInt8>?, _ length: Int) {
        self.length = length
        guard let p else { return }
        guard length <= 16 else {
            long = String(decoding: UnsafeBufferPointer(start: p, count: length), as: UTF8.self)
            return
        }
        for i in 0..<min(length, 8) { a |= UInt64(p[i]) << (8 * UInt64(i)) }
        for i in 8..<max(length, 8) { b |= UInt64(p[i]) << (8 * UInt64(i - 8)) }
    }

    @inlinable
    public init(_ p: UnsafeMutablePointer<UInt8>?, _ length: Int) { self.init(UnsafePointer(p), length) }

    /// The text again (for a row a rule names).
    public var string: String {
        if let long { return long }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        for i in 0..<length { bytes.append(UInt8(truncatingIfNeeded: i < 8 ? a >> (8 * UInt64(i)) : b >> (8 * UInt64(i - 8)))) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Item slots by SKU, looked up by packed bytes: no String made per journal row (three million of them).
public struct SKUKeys: Sendable {
    @usableFromInline let slots: [PackedText: Int]
    @usableFromInline var last: (PackedText, Int)?

    public init(_ items: [String: Int]) {
        slots = Dictionary(uniqueKeysWithValues: items.map { (PackedText($0.key), $0.value) })
    }

    /// The item slot of `key`, or nil when no item has that SKU.
    @inlinable
    public mutating func slot(_ key: PackedText) -> Int? {
        // Consecutive journal rows often name the same SKU (a receipt serving its queue).
        if let last, last.0 == key { return last.1 }
        guard let slot = slots[key] else { return nil }
        last = (key, slot)
        return slot
    }
}
