#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A value too large for the fast arithmetic; the scanner retries with `Decimal`.
struct ScanOverflow: Error {}

/// The arithmetic ``NumberScanner`` needs to read a number: integers, decimal
/// fraction digits, multiplication by a unit and addition.
protocol ScanArithmetic {
    static func integer(_ n: Int64) throws -> Self
    /// `digit` × 10^-`place`, one digit after the decimal point.
    static func fraction(_ digit: Int64, place: Int) throws -> Self
    func times(_ n: Int64) throws -> Self
    func plus(_ other: Self) throws -> Self
    var isZero: Bool { get }
    var decimal: Decimal { get }
    /// The value as an integer, when it is one that fits.
    var integer: Int? { get }
}

/// Fixed-point numbers in ten-thousandths on a 64-bit integer: every amount news writes
/// (up to about 9 × 10^14, four decimal places) without a `Decimal` operation.
struct FixedPoint: ScanArithmetic {
    static let places = 4
    static let scale: Int64 = 10_000
    var raw: Int64

    static func integer(_ n: Int64) throws -> FixedPoint {
        let (r, o) = n.multipliedReportingOverflow(by: scale)
        if o { throw ScanOverflow() }
        return FixedPoint(raw: r)
    }

    static func fraction(_ digit: Int64, place: Int) throws -> FixedPoint {
        guard place <= places else { throw ScanOverflow() }
        var unit = scale
        for _ in 0..<place { unit /= 10 }
        return FixedPoint(raw: digit * unit)
    }

    func times(_ n: Int64) throws -> FixedPoint {
        let (r, o) = raw.multipliedReportingOverflow(by: n)
        if o { throw ScanOverflow() }
        return FixedPoint(raw: r)
    }

    func plus(_ other: FixedPoint) throws -> FixedPoint {
        let (r, o) = raw.addingReportingOverflow(other.raw)
        if o { throw ScanOverflow() }
        return FixedPoint(raw: r)
    }

    var isZero: Bool { raw == 0 }

    var integer: Int? { raw % Self.scale == 0 ? Int(raw / Self.scale) : nil }

    var decimal: Decimal {
        if raw % Self.scale == 0 { return Decimal(raw / Self.scale) }
        var significand = raw, exponent = -Self.places
        while significand % 10 == 0 { significand /= 10; exponent += 1 }
        return Decimal(sign: .plus, exponent: exponent, significand: Decimal(significand))
    }
}

extension Decimal: ScanArithmetic {
    static func integer(_ n: Int64) -> Decimal { Decimal(n) }
    static func fraction(_ digit: Int64, place: Int) -> Decimal { Decimal(sign: .plus, exponent: -place, significand: Decimal(digit)) }
    func times(_ n: Int64) -> Decimal { self * Decimal(n) }
    func plus(_ other: Decimal) -> Decimal { self + other }
    var integer: Int? { Int(description) }
    var decimal: Decimal { self }
}
