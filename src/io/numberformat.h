// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace elu {

/// Enough for any double in shortest round-trip form ("-2.2250738585072014e-308" is 24).
inline constexpr int maxNumberLength = 32;

namespace numberformat {

__extension__ typedef unsigned __int128 UInt128;

// The Schubfach algorithm (R. Giulietti, "The Schubfach way to render doubles", 2020) in its
// 128-bit form: the shortest decimal that rounds to a double, the closest to it when several
// are as short, the even one of two as close. It is what std::to_chars finds (by Ryū), in
// about 20 ns a number where std::to_chars takes about 55 (libstdc++ 12, the numbers of an
// export); formatting is most of an export's work.
//
// Only the doubles of magnitude 2^−60 ≤ |v| < 2^53 take this path (exports' typical values), so
// that the powers of ten needed are 10^0 … 10^35, exact in 128 bits, and every integer is below
// 2^53 (above it, std::to_chars writes an integer in fixed form exactly, 2^60 as
// "1152921504606846976", not as its shortest digits and zeros). All other doubles go to std::to_chars. tests/io/tst_numberformat
// compares both on many millions of doubles.

// For n in [0, 35]: 10^n = β 2^r with 2^127 ≤ β < 2^128, g = ⌊β⌋ + 1, and ⌊log2 10^n⌋.
struct PowerOfTen
{
    std::uint64_t high;
    std::uint64_t low;
    int floorLog2;
};

inline constexpr int maxPower = 35;

consteval std::array<PowerOfTen, maxPower + 1> powersOfTen()
{
    std::array<PowerOfTen, maxPower + 1> table{};
    UInt128 power = 1;
    for (int n = 0; n <= maxPower; ++n) {
        int bits = 0;
        for (UInt128 rest = power; rest != 0; rest >>= 1)
            ++bits;
        const UInt128 g = (power << (128 - bits)) + 1;
        table[std::size_t(n)] = {std::uint64_t(g >> 64), std::uint64_t(g), bits - 1};
        power *= 10;
    }
    return table;
}

inline constexpr std::array<PowerOfTen, maxPower + 1> powerOfTen = powersOfTen();

// ⌊g · cp / 2^128⌋, its lowest bit set when the product's fraction is not (almost) zero.
inline std::uint64_t roundToOdd(const PowerOfTen &g, std::uint64_t cp) noexcept
{
    const UInt128 x = UInt128(g.low) * cp;
    const UInt128 y = UInt128(g.high) * cp;
    const UInt128 z = y + (x >> 64);
    const std::uint64_t integer = std::uint64_t(z >> 64);
    const std::uint64_t fraction = std::uint64_t(z);
    return integer | (fraction > 1 ? 1u : 0u);
}

struct Decimal
{
    std::uint64_t digits; // no trailing zeros
    int exponent;         // the value is digits · 10^exponent
};

// The shortest decimal of a finite double whose biased exponent is in [963, 1075].
inline Decimal shortestDecimal(std::uint64_t bits) noexcept
{
    const std::uint64_t fractionBits = bits & ((std::uint64_t(1) << 52) - 1);
    const int biasedExponent = int((bits >> 52) & 0x7ff);
    const std::uint64_t c = (std::uint64_t(1) << 52) | fractionBits;
    const int q = biasedExponent - 1075;

    const bool even = c % 2 == 0;
    const bool lowerCloser = fractionBits == 0 && biasedExponent > 1;
    const std::uint64_t cbl = 4 * c - 2 + (lowerCloser ? 1 : 0);
    const std::uint64_t cb = 4 * c;
    const std::uint64_t cbr = 4 * c + 2;
    // ⌊log10 2^q⌋, or ⌊log10 (3/4 · 2^q)⌋ when the lower neighbour is closer (exact for these q).
    const int k = (q * 1262611 - (lowerCloser ? 524031 : 0)) >> 22;
    const PowerOfTen &g = powerOfTen[std::size_t(-k)];
    const int h = q + g.floorLog2 + 1; // 1 … 4
    const std::uint64_t vbl = roundToOdd(g, cbl << h);
    const std::uint64_t vb = roundToOdd(g, cb << h);
    const std::uint64_t vbr = roundToOdd(g, cbr << h);
    const std::uint64_t lower = vbl + (even ? 0 : 1);
    const std::uint64_t upper = vbr - (even ? 0 : 1);

    Decimal result{0, k};
    const std::uint64_t s = vb / 4;
    bool found = false;
    if (s >= 10) {
        const std::uint64_t sp = s / 10;
        const bool upInside = lower <= 40 * sp;
        const bool wpInside = 40 * sp + 40 <= upper;
        if (upInside != wpInside) {
            result = {sp + (wpInside ? 1 : 0), k + 1};
            found = true;
        }
    }
    if (!found) {
        const bool uInside = lower <= 4 * s;
        const bool wInside = 4 * s + 4 <= upper;
        if (uInside != wInside) {
            result = {s + (wInside ? 1 : 0), k};
        } else {
            const std::uint64_t mid = 4 * s + 2;
            const bool roundUp = vb > mid || (vb == mid && (s & 1) != 0);
            result = {s + (roundUp ? 1 : 0), k};
        }
    }
    while (result.digits % 10 == 0) {
        result.digits /= 10;
        ++result.exponent;
    }
    return result;
}

inline constexpr char digitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930"
    "31323334353637383940414243444546474849505152535455565758596061"
    "62636465666768697071727374757677787980818283848586878889909192"
    "93949596979899";

// The 4 digits of v < 10^4, and the 8 of v < 10^8, leading zeros included.
inline void writeFourDigits(char *out, std::uint32_t v) noexcept
{
    std::memcpy(out, digitPairs + 2 * (v / 100), 2);
    std::memcpy(out + 2, digitPairs + 2 * (v % 100), 2);
}

inline void writeEightDigits(char *out, std::uint32_t v) noexcept
{
    writeFourDigits(out, v / 10000);
    writeFourDigits(out + 4, v % 10000);
}

// Writes `value` (its digits and exponent) as std::to_chars does: the shorter of the fixed and
// the scientific forms, the fixed one when both are as long.
inline char *writeDecimal(char *out, bool negative, Decimal value) noexcept
{
    static constexpr std::uint64_t powersOf10[] = {1,
                                                   10,
                                                   100,
                                                   1000,
                                                   10000,
                                                   100000,
                                                   1000000,
                                                   10000000,
                                                   100000000,
                                                   1000000000,
                                                   10000000000,
                                                   100000000000,
                                                   1000000000000,
                                                   10000000000000,
                                                   100000000000000,
                                                   1000000000000000,
                                                   10000000000000000,
                                                   100000000000000000,
                                                   1000000000000000000};
    // At most 17 digits (value.digits < 10 · 2^53), written right-aligned in 8-digit groups.
    char digits[24];
    char *const end = digits + sizeof digits;
    const std::uint64_t all = value.digits;
    writeEightDigits(end - 8, std::uint32_t(all % 100000000));
    if (all >= 100000000) {
        const std::uint64_t upper = all / 100000000;
        writeEightDigits(end - 16, std::uint32_t(upper % 100000000));
        end[-17] = char('0' + upper / 100000000);
    }
    const int log10Estimate = (std::bit_width(all) * 1233) >> 12;
    const int n = log10Estimate + (all >= powersOf10[log10Estimate] ? 1 : 0);
    const char *const begin = end - n;
    const int e = value.exponent;
    const int point = n + e; // digits before the decimal point
    const int scientificExponent = point - 1;
    const int absExponent = scientificExponent < 0 ? -scientificExponent : scientificExponent;
    const int scientificLength = n + (n > 1 ? 1 : 0) + 2 + (absExponent >= 100 ? 3 : 2);
    const int fixedLength = e >= 0 ? n + e : (point > 0 ? n + 1 : 2 - e);

    if (negative)
        *out++ = '-';
    if (fixedLength <= scientificLength) {
        if (e >= 0) {
            std::memcpy(out, begin, std::size_t(n));
            out += n;
            std::memset(out, '0', std::size_t(e));
            return out + e;
        }
        if (point > 0) {
            std::memcpy(out, begin, std::size_t(point));
            out += point;
            *out++ = '.';
            std::memcpy(out, begin + point, std::size_t(n - point));
            return out + (n - point);
        }
        *out++ = '0';
        *out++ = '.';
        std::memset(out, '0', std::size_t(-point));
        out += -point;
        std::memcpy(out, begin, std::size_t(n));
        return out + n;
    }
    *out++ = *begin;
    if (n > 1) {
        *out++ = '.';
        std::memcpy(out, begin + 1, std::size_t(n - 1));
        out += n - 1;
    }
    *out++ = 'e';
    *out++ = scientificExponent < 0 ? '-' : '+';
    if (absExponent >= 100) {
        *out++ = char('0' + absExponent / 100);
        std::memcpy(out, digitPairs + 2 * (absExponent % 100), 2);
        return out + 2;
    }
    std::memcpy(out, digitPairs + 2 * absExponent, 2);
    return out + 2;
}

} // namespace numberformat

/// Writes `value` at `out` in the shortest form that parses back to the same double, exactly as
/// std::to_chars(out, end, value) does, and returns the end. −0.0 is written "-0.0", not "-0",
/// because JSON readers that read "-0" as the integer 0 (Python's json among them) would lose its
/// sign. Non-finite values (never exported) are written as "nan", "inf" or "-inf".
inline char *writeShortest(char *out, double value) noexcept
{
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(value);
    const int biasedExponent = int((bits >> 52) & 0x7ff);
    if (biasedExponent >= 963 && biasedExponent <= 1075) // 2^−60 ≤ |value| < 2^53
        return numberformat::writeDecimal(out, (bits >> 63) != 0,
                                          numberformat::shortestDecimal(bits));
    if (value == 0.0 && std::signbit(value)) {
        std::memcpy(out, "-0.0", 4);
        return out + 4;
    }
    if (!std::isfinite(value)) {
        const char *text = std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
        const std::size_t length = std::strlen(text);
        std::memcpy(out, text, length);
        return out + length;
    }
    return std::to_chars(out, out + maxNumberLength, value).ptr;
}

} // namespace elu
