@testable import NewsKBCLI
import Testing

@Suite("Work queues")
struct FIFOTests {
    final class Payload {}

    @Test("items come out in the order they went in")
    func order() {
        var q = FIFO<Int>()
        for i in 0..<200 {
            q.push(i)
            if i % 3 == 0 { _ = q.pop() }
        }
        var out: [Int] = []
        while let i = q.pop() { out.append(i) }
        #expect(out == Array(out.sorted()))
        #expect(out.last == 199 && q.isEmpty)
    }

    @Test("a queue that never quite empties lets go of every item taken from it")
    func releasesTakenItems() {
        var q = FIFO<Payload>()
        q.push(Payload())
        weak var taken: Payload?
        for _ in 0..<1000 {
            q.push(Payload())
            taken = q.pop()
            #expect(taken == nil, "a taken item must not stay referenced by the queue")
        }
        #expect(q.count == 1)
    }
}
