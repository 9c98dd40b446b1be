// SPDX-License-Identifier: MIT
#include "catalogue.h"

#include "activationfunctions.h"
#include "elu.h"
#include "plotspec.h"

#include <QStringList>

#include <cmath>

namespace elu {

namespace {

// The local extrema of f and f′ (roots of f′ and f″), found once with 40-digit arithmetic
// (mpmath); none depends on a parameter.
constexpr double geluMinimum = -0.75179152469356445746;
constexpr double geluInflection = 1.4142135623730950488; // √2, where x·φ(x)(2 − x²) vanishes
constexpr double geluTanhMinimum = -0.75246142207101621856;
constexpr double geluTanhInflection = 1.4185040087908282834;
constexpr double siluMinimum = -1.2784645427610737951;
constexpr double siluInflection = 2.3993572805154676678;
constexpr double mishMinimum = -1.1924312145154952121;
constexpr double mishLeftInflection = -2.25637639636079312;
constexpr double mishRightInflection = 1.4905711794854284593;

CriticalPoints noCriticalPoints(double) noexcept
{
    return {};
}

Smoothness smooth(double) noexcept
{
    return Smoothness::CInfinity;
}

std::optional<Kink> noKink(double) noexcept
{
    return std::nullopt;
}

ActivationParameter alphaParameter(double min, bool minIncluded, SliderMapping slider)
{
    return {"alpha", QStringLiteral("α"), QStringLiteral("Alpha (α)"), 1.0, min, 100.0,
            minIncluded, slider, 0.1, 3.0};
}

// (0, 100], quadratic like ELU's α so that values below 1 get a tenth of the slider and 1 is
// a position; 0 itself is never given.
SliderMapping positiveToHundred()
{
    return {0.0, 100.0, 1000, 0.0001, SliderMapping::Shape::Quadratic, true};
}

std::array<Activation, activationCount> makeCatalogue()
{
    using Id = ActivationId;
    return {{
        {Id::Relu, "relu", QStringLiteral("ReLU"), QStringLiteral("max(0, x)"),
         QStringLiteral(R"(\max(0, x))"),
         QStringLiteral("C⁰"), std::nullopt, true,
         [](double x, double) noexcept { return fn::relu(x); },
         [](double x, double) noexcept { return fn::reluDerivative(x); },
         [](double) noexcept -> std::optional<Kink> { return Kink{0.0, 0.0, 1.0, 0.0, 0.0, 0.0}; },
         [](double) noexcept { return Smoothness::C0; }, noCriticalPoints},

        {Id::LeakyRelu, "leaky_relu", QStringLiteral("Leaky ReLU"),
         QStringLiteral("x if x > 0, s·x otherwise"),
         QStringLiteral(R"(x \text{ if } x > 0 \text{, } s x \text{ otherwise})"),
         QStringLiteral("C⁰ (C∞ at s = 1)"),
         ActivationParameter{"negative_slope", QStringLiteral("s"),
                             QStringLiteral("Negative slope (s)"), 0.01, 0.0, 1.0, true,
                             SliderMapping(0.0, 1.0, 1000, 0.001, SliderMapping::Shape::Linear),
                             0.0, 0.5}, true,
         fn::leakyRelu, fn::leakyReluDerivative,
         [](double s) noexcept -> std::optional<Kink> {
             if (s == 1.0)
                 return std::nullopt;
             return Kink{0.0, s, 1.0, s, 0.0, 0.0};
         },
         [](double s) noexcept { return s == 1.0 ? Smoothness::CInfinity : Smoothness::C0; },
         noCriticalPoints},

        {Id::Elu, "elu", QStringLiteral("ELU"), QStringLiteral("x if x > 0, α·(eˣ − 1) otherwise"),
         QStringLiteral(R"(x \text{ if } x > 0 \text{, } \alpha (e^{x} - 1) \text{ otherwise})"),
         QStringLiteral("C¹ only at α = 1, else C⁰"),
         alphaParameter(0.0, true, SliderMapping::alpha()), true, elu::value, elu::derivative,
         [](double alpha) noexcept -> std::optional<Kink> {
             if (alpha == 0.0) // ReLU: f″ is 0 on both sides
                 return Kink{0.0, 0.0, 1.0, 0.0, 0.0, 0.0};
             return Kink{0.0, alpha, 1.0, alpha, alpha, 0.0};
         },
         [](double alpha) noexcept { return alpha == 1.0 ? Smoothness::C1 : Smoothness::C0; },
         noCriticalPoints},

        {Id::Celu, "celu", QStringLiteral("CELU"),
         QStringLiteral("x if x > 0, α·(e^(x/α) − 1) otherwise"),
         QStringLiteral(R"(x \text{ if } x > 0 \text{, } \alpha (e^{x/\alpha} - 1) \text{ otherwise})"),
         QStringLiteral("C¹, not C²"),
         alphaParameter(0.0, false, positiveToHundred()), true, fn::celu, fn::celuDerivative,
         [](double alpha) noexcept -> std::optional<Kink> {
             return Kink{0.0, 1.0, 1.0, 1.0, 1.0 / alpha, 0.0};
         },
         [](double) noexcept { return Smoothness::C1; }, noCriticalPoints},

        {Id::Selu, "selu", QStringLiteral("SELU"),
         QStringLiteral("λ·x if x > 0, λα·(eˣ − 1) otherwise (λ ≈ 1.0507, α ≈ 1.6733)"),
         QStringLiteral(R"(\lambda x \text{ if } x > 0 \text{, } \lambda\alpha (e^{x} - 1) \text{ otherwise})"),
         QStringLiteral("C⁰"),
         std::nullopt, false, [](double x, double) noexcept { return fn::selu(x); },
         [](double x, double) noexcept { return fn::seluDerivative(x); },
         [](double) noexcept -> std::optional<Kink> {
             const double lambdaAlpha = fn::seluDerivative(0.0);
             return Kink{0.0, lambdaAlpha, fn::seluLambda, lambdaAlpha, lambdaAlpha, 0.0};
         },
         [](double) noexcept { return Smoothness::C0; }, noCriticalPoints},

        {Id::Gelu, "gelu", QStringLiteral("GELU"), QStringLiteral("x·Φ(x)"),
         QStringLiteral(R"(x \, \Phi(x))"),
         QStringLiteral("C∞"), std::nullopt, false,
         [](double x, double) noexcept { return fn::gelu(x); },
         [](double x, double) noexcept { return fn::geluDerivative(x); }, noKink, smooth,
         [](double) noexcept {
             return CriticalPoints{{-geluInflection, geluMinimum, geluInflection}, 3};
         }},

        {Id::GeluTanh, "gelu_tanh", QStringLiteral("GELU-tanh"),
         QStringLiteral("(x/2)·(1 + tanh(√(2/π)·(x + 0.044715·x³)))"),
         QStringLiteral(R"(\tfrac{x}{2} \bigl(1 + \tanh\bigl(\sqrt{2/\pi}\,(x + 0.044715 x^{3})\bigr)\bigr))"),
         QStringLiteral("C∞"),
         std::nullopt, false, [](double x, double) noexcept { return fn::geluTanh(x); },
         [](double x, double) noexcept { return fn::geluTanhDerivative(x); }, noKink, smooth,
         [](double) noexcept {
             return CriticalPoints{{-geluTanhInflection, geluTanhMinimum, geluTanhInflection}, 3};
         }},

        {Id::Silu, "silu", QStringLiteral("SiLU"), QStringLiteral("x·σ(x)"),
         QStringLiteral(R"(x \, \sigma(x))"),
         QStringLiteral("C∞"), std::nullopt, false,
         [](double x, double) noexcept { return fn::silu(x); },
         [](double x, double) noexcept { return fn::siluDerivative(x); }, noKink, smooth,
         [](double) noexcept {
             return CriticalPoints{{-siluInflection, siluMinimum, siluInflection}, 3};
         }},

        {Id::Softplus, "softplus", QStringLiteral("Softplus"),
         QStringLiteral("log(1 + e^(βx))/β"),
         QStringLiteral(R"(\tfrac{1}{\beta} \log(1 + e^{\beta x}))"),
         QStringLiteral("C∞"),
         ActivationParameter{"beta", QStringLiteral("β"), QStringLiteral("Beta (β)"), 1.0, 0.0,
                             100.0, false, positiveToHundred(), 0.5, 5.0}, false,
         fn::softplus, fn::softplusDerivative, noKink, smooth, noCriticalPoints},

        {Id::Mish, "mish", QStringLiteral("Mish"), QStringLiteral("x·tanh(softplus(x))"),
         QStringLiteral(R"(x \tanh(\log(1 + e^{x})))"),
         QStringLiteral("C∞"), std::nullopt, false,
         [](double x, double) noexcept { return fn::mish(x); },
         [](double x, double) noexcept { return fn::mishDerivative(x); }, noKink, smooth,
         [](double) noexcept {
             return CriticalPoints{{mishLeftInflection, mishMinimum, mishRightInflection}, 3};
         }},

        {Id::Sigmoid, "sigmoid", QStringLiteral("Sigmoid"), QStringLiteral("1/(1 + e^(−x))"),
         QStringLiteral(R"(\frac{1}{1 + e^{-x}})"),
         QStringLiteral("C∞"), std::nullopt, false,
         [](double x, double) noexcept { return fn::sigmoid(x); },
         [](double x, double) noexcept { return fn::sigmoidDerivative(x); }, noKink, smooth,
         [](double) noexcept { return CriticalPoints{{0.0}, 1}; }},

        {Id::Tanh, "tanh", QStringLiteral("Tanh"), QStringLiteral("tanh(x)"),
         QStringLiteral(R"(\tanh(x))"),
         QStringLiteral("C∞"), std::nullopt, false,
         [](double x, double) noexcept { return fn::tanh(x); },
         [](double x, double) noexcept { return fn::tanhDerivative(x); }, noKink, smooth,
         [](double) noexcept { return CriticalPoints{{0.0}, 1}; }},
    }};
}

} // namespace

bool ActivationParameter::accepts(double value) const noexcept
{
    return std::isfinite(value) && (minIncluded ? value >= min : value > min) && value <= max;
}

QString ActivationParameter::acceptedText() const
{
    if (minIncluded)
        return QStringLiteral("a finite number from %1 to %2")
            .arg(formatNumber(min), formatNumber(max));
    return QStringLiteral("a finite number greater than %1 and at most %2")
        .arg(formatNumber(min), formatNumber(max));
}

QString smoothnessName(Smoothness smoothness)
{
    switch (smoothness) {
    case Smoothness::C0:
        return QStringLiteral("C⁰");
    case Smoothness::C1:
        return QStringLiteral("C¹");
    case Smoothness::CInfinity:
        break;
    }
    return QStringLiteral("C∞");
}

const std::array<Activation, activationCount> &catalogue()
{
    static const std::array<Activation, activationCount> table = makeCatalogue();
    return table;
}

const Activation &activation(ActivationId id)
{
    return catalogue()[std::size_t(id)];
}

const Activation *findActivation(QStringView name)
{
    for (const Activation &row : catalogue()) {
        if (name == elu::latin1(row.name))
            return &row;
    }
    return nullptr;
}

QString activationNames()
{
    QStringList names;
    for (const Activation &row : catalogue())
        names << elu::latin1(row.name);
    return names.join(QStringLiteral(", "));
}

} // namespace elu
