// SPDX-License-Identifier: MIT
#pragma once

#include <charconv>
#include <cmath>
#include <cstring>

namespace elu {

/// Enough for any double in shortest round-trip form ("-2.2250738585072014e-308" is 24).
inline constexpr int maxNumberLength = 32;

/// Writes `value` at `out` in the shortest form that parses back to the same double and returns
/// the end. −0.0 is written "-0.0", not "-0", because JSON readers that read "-0" as the integer 0
/// (Python's json among them) would lose its sign. Non-finite values (never exported) are written
/// as "nan", "inf" or "-inf".
inline char *writeShortest(char *out, double value) noexcept
{
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
