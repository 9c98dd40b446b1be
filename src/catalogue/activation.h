// SPDX-License-Identifier: MIT
#pragma once

#include "slidermapping.h"

#include <QString>

#include <array>
#include <optional>
#include <string_view>

namespace elu {

/// The activations of the catalogue, in the order the catalogue lists them.
enum class ActivationId {
    Relu,
    LeakyRelu,
    Elu,
    Celu,
    Selu,
    Gelu,
    GeluTanh,
    Silu,
    Softplus,
    Mish,
    Sigmoid,
    Tanh,
};
inline constexpr int activationCount = 12;

/// How smooth an activation is at its kink, as the README's catalogue table states it.
enum class Smoothness {
    C0,        ///< continuous, the derivative jumps
    C1,        ///< continuously differentiable, the second derivative jumps (not C²)
    CInfinity, ///< no kink at all
};

/// An activation's one numeric parameter.
struct ActivationParameter
{
    std::string_view keyword; ///< PyTorch's keyword: "alpha", "negative_slope", "beta"
    QString symbol;           ///< what the window and legends write: "α", "s", "β"
    QString label;            ///< for controls: "Alpha (α)", "Negative slope (s)", "Beta (β)"
    double defaultValue;
    double min;
    double max;
    bool minIncluded; ///< false for (0, 100]: 0 itself is refused
    SliderMapping slider;
    /// Where Play and --animate's defaults sweep it: α 0.1 → 3 shows ELU's saturation deepen.
    double sweepFrom;
    double sweepTo;

    /// True for a finite value in the accepted range.
    bool accepts(double value) const noexcept;
    /// "a finite number from 0 to 100" or "a finite number greater than 0 and at most 100".
    QString acceptedText() const;
};

/// A point where the derivative is discontinuous (every catalogue kink is at x = 0).
struct Kink
{
    double x;
    double leftDerivative;     ///< lim f′ from the left
    double rightDerivative;    ///< lim f′ from the right
    double autogradDerivative; ///< what PyTorch autograd returns at x
    double leftSecondDerivative;  ///< lim f″ from the left
    double rightSecondDerivative; ///< lim f″ from the right

    /// True when f′ is continuous here and only f″ jumps (ELU at α = 1, CELU).
    bool derivativeContinuous() const noexcept { return leftDerivative == rightDerivative; }
};

/// The x where f or f′ has a local extremum: sampling keeps the samples either side of each, so
/// a plot never misses a column's true extremes. At most four per activation.
struct CriticalPoints
{
    std::array<double, 4> x{};
    int count = 0;

    const double *begin() const noexcept { return x.data(); }
    const double *end() const noexcept { return x.data() + count; }
};

/// One row of the catalogue: everything the app knows about an activation. The numerics are
/// the free functions of activationfunctions.h and elu.h; `parameter` is ignored by activations
/// without one.
struct Activation
{
    ActivationId id;
    std::string_view name; ///< the PyTorch functional name: "leaky_relu"
    QString displayName;   ///< "Leaky ReLU"
    QString formula;       ///< plain text, for legends and the About box
    QString formulaLatex;  ///< for LaTeX exports
    QString smoothnessSummary; ///< over the whole parameter range: "C¹ only at α = 1, else C⁰"
    std::optional<ActivationParameter> parameter;
    /// f(x) = x and f′(x) = 1 for every x > 0 (relu, leaky_relu, elu, celu): writers reuse the
    /// text of x for y there.
    bool identityOnPositive;

    double (*value)(double x, double parameter) noexcept;
    double (*derivative)(double x, double parameter) noexcept;
    /// The kink for this parameter value, if the derivative (or the second derivative) jumps.
    std::optional<Kink> (*kink)(double parameter) noexcept;
    Smoothness (*smoothness)(double parameter) noexcept;
    CriticalPoints (*criticalPoints)(double parameter) noexcept;
};

/// The catalogue's ASCII names and keywords ("leaky_relu", "negative_slope") as QString.
inline QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

/// "C⁰", "C¹" or "C∞".
QString smoothnessName(Smoothness smoothness);

} // namespace elu
