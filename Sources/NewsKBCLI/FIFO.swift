/// A first-in, first-out queue that lets go of each element as it is taken (and of the
/// room it took), so a queue that never quite empties does not grow without bound.
struct FIFO<Element> {
    private var slots: [Element?] = []
    private var head = 0

    var count: Int { slots.count - head }
    var isEmpty: Bool { head == slots.count }

    mutating func push(_ e: Element) { slots.append(e) }

    mutating func pop() -> Element? {
        guard head < slots.count else { return nil }
        let e = slots[head]
        slots[head] = nil
        head += 1
        if head == slots.count {
            slots.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64, head * 2 >= slots.count {
            slots.removeFirst(head)
            head = 0
        }
        return e
    }
}
