// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QtGlobal>

namespace elu {

/// Accepted values, from PRODUCT.md.
namespace limits {
inline constexpr double alphaMin = 0.0;
inline constexpr double alphaMax = 100.0;
inline constexpr qint64 pointsMin = 2;
inline constexpr qint64 pointsMax = 10'000'000;
} // namespace limits

/// What a plot or an export samples: ELU with α on N evenly spaced points of [xmin, xmax].
/// Defaults reproduce the article: α = 1, x ∈ [−2, 2], N = 1000.
struct Parameters
{
    double alpha = 1.0;
    double xmin = -2.0;
    double xmax = 2.0;
    qint64 points = 1000;

    friend bool operator==(const Parameters &, const Parameters &) = default;
};

/// Empty when α is finite and in [0, 100]; otherwise what is accepted, e.g.
/// "α must be a finite number from 0 to 100".
QString alphaError(double alpha);

/// Empty when both ends are finite and xmin < xmax; otherwise what is wrong and accepted.
QString rangeError(double xmin, double xmax);

/// Empty when 2 ≤ N ≤ 10,000,000; otherwise what is accepted.
QString pointsError(qint64 points);

/// The first error of alphaError, rangeError and pointsError, or empty when all are valid.
QString validate(const Parameters &parameters);

/// A number as the user would type it back: shortest round-trip form ("0.1", "1e-300", "nan").
QString formatNumber(double value);

} // namespace elu
