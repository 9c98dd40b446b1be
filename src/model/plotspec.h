// SPDX-License-Identifier: MIT
#pragma once

#include "activation.h"

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace elu {

/// Accepted values, from docs/contract.md.
namespace limits {
inline constexpr double alphaMin = 0.0; ///< ELU's α, as --alpha and old settings give it
inline constexpr double alphaMax = 100.0;
inline constexpr qint64 pointsMin = 2;
inline constexpr qint64 pointsMax = 10'000'000;
inline constexpr int curvesMax = 8;
} // namespace limits

/// One curve of a plot: an activation with its parameter value. For an activation without a
/// parameter, `parameter` is 0 and ignored.
struct Curve
{
    ActivationId activation = ActivationId::Elu;
    double parameter = 1.0;

    /// The activation with its default parameter (ELU: α = 1).
    static Curve withDefault(ActivationId activation);

    const Activation &descriptor() const;
    double value(double x) const noexcept;
    double derivative(double x) const noexcept;

    /// "elu", "softplus", or with the parameter "elu-alpha-0.5": the file name docs/contract.md
    /// gives a curve of a several-curve export (the parameter only when `withParameter`).
    QString fileStem(bool withParameter) const;
    /// "ELU, α = 0.5", "ReLU": for legends, titles and messages.
    QString displayLabel() const;
    /// "elu:alpha=0.5", "relu": the form --curve accepts.
    QString spec() const;

    friend bool operator==(const Curve &, const Curve &) = default;
};

/// What a plot or an export samples: up to 8 curves on N evenly spaced points of [xmin, xmax].
/// Defaults reproduce the article: one ELU curve with α = 1, x ∈ [−2, 2], N = 1000.
struct PlotSpec
{
    std::vector<Curve> curves = std::vector<Curve>(1); // one default Curve: ELU, α = 1
    double xmin = -2.0;
    double xmax = 2.0;
    qint64 points = 1000;

    friend bool operator==(const PlotSpec &, const PlotSpec &) = default;
};

/// Empty when α is finite and in [0, 100]; otherwise what is accepted, e.g.
/// "α must be a finite number from 0 to 100".
QString alphaError(double alpha);

/// Empty when `value` is accepted for `activation`'s parameter; otherwise e.g.
/// "negative_slope must be a finite number from 0 to 1". Activations without a parameter
/// accept anything (it is ignored).
QString parameterError(ActivationId activation, double value);

/// Empty when both ends are finite and xmin < xmax; otherwise what is wrong and accepted.
QString rangeError(double xmin, double xmax);

/// Empty when 2 ≤ N ≤ 10,000,000; otherwise what is accepted.
QString pointsError(qint64 points);

/// Empty for 1 to 8 curves; otherwise what is accepted.
QString curveCountError(std::size_t count);

/// The first error of the curve count, each curve's parameter, a curve given twice, the range
/// and the points, or empty when all are valid.
QString validate(const PlotSpec &spec);

/// A number as typed on the command line or in a dialog: decimal (optional sign, digits with an
/// optional '.', an optional exponent: "-2", ".5", "1e-9"), "inf" or "nan", with spaces around
/// it. It rounds to the nearest double like strtod in the C locale: more digits than a double
/// holds are rounded, a magnitude below the smallest double gives 0 with the sign kept
/// ("1e-400" → 0, "-1e-400" → −0), one above the largest gives ±infinity, which the callers
/// refuse as not finite. Anything else (hexadecimal, "1,5", "1e") is nullopt.
std::optional<double> parseDecimal(QStringView text);

/// A number as the user would type it back: shortest round-trip form ("0.1", "1e-300", "nan").
QString formatNumber(double value);

} // namespace elu
