// SPDX-License-Identifier: MIT
#include "gaussianmoments.h"

#include "activationfunctions.h"
#include "closedforms.h"
#include "gaussiantail.h"
#include "momentintegrands.h"
#include "plotspec.h"
#include "quadrature.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace elu {

namespace {

using stats::Ld;

/// Each integral's error estimate must be at most this fraction of its magnitude ∫|·|: the
/// variance, E[g²] − (E[g])² with (E[g])² ≤ E[g²] ≤ 2·Var for the monotone activations,
/// then keeps a relative error below ~5·10⁻¹³.
constexpr Ld quadratureTolerance = 1e-13L;
/// Beyond |z| = 50, φ(z) < 10⁻⁵⁴³: no activation's integrand has mass there (the heaviest
/// tail, softplus at β = 100, peaks at z ≤ √(10β) ≈ 32 for μ ≥ −10).
constexpr Ld zLimit = 50;
constexpr Ld invSqrt2Pi = 0.398942280401432677939946059934381868L;

Moments notANumber()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, nan, nan, nan};
}

bool isPiecewise(ActivationId id)
{
    switch (id) {
    case ActivationId::Relu:
    case ActivationId::LeakyRelu:
    case ActivationId::Elu:
    case ActivationId::Celu:
    case ActivationId::Selu:
        return true;
    default:
        return false;
    }
}

Moments closedForm(const Curve &curve, double mu, double sigma)
{
    const Ld parameter = curve.parameter;
    switch (curve.activation) {
    case ActivationId::Relu:
        return stats::leakyReluMoments(0.0, mu, sigma);
    case ActivationId::LeakyRelu:
        return stats::leakyReluMoments(curve.parameter, mu, sigma);
    case ActivationId::Elu:
        return stats::exponentialMoments(1, parameter, 1, mu, sigma);
    case ActivationId::Celu:
        return stats::exponentialMoments(1, parameter, parameter, mu, sigma);
    case ActivationId::Selu:
        return stats::exponentialMoments(fn::seluLambda, fn::seluAlpha, 1, mu, sigma);
    default:
        return notANumber();
    }
}

/// The z where the integrand is not smooth or has its features: 0 (the Gaussian's peak), the
/// kink or bend of f at x = 0, and for the exponential family the peaks of e^(kX/c)·φ, at
/// z = kσ/c, up to which the range is extended (they can lie beyond 50 for small c).
std::vector<Ld> quadratureBreaks(const Curve &curve, double mu, double sigma)
{
    const Ld kink = -Ld(mu) / sigma;
    Ld upper = zLimit;
    // Fixed breaks about the peak, where the first panels then need no splitting.
    std::vector<Ld> breaks{-zLimit, -12, -7, -4, -2, 0, 2, 4, 7, 12, kink};
    const bool exponential = curve.activation == ActivationId::Elu
                             || curve.activation == ActivationId::Celu
                             || curve.activation == ActivationId::Selu;
    if (exponential) {
        const Ld c = curve.activation == ActivationId::Celu ? Ld(curve.parameter) : 1;
        const Ld kappa = sigma / c;
        breaks.push_back(kappa);
        breaks.push_back(2 * kappa);
        upper = std::max(upper, std::min(kink, 2 * kappa) + zLimit);
    }
    breaks.push_back(upper);
    std::erase_if(breaks, [&](Ld z) { return !(z >= -zLimit && z <= upper); });
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    return breaks;
}

Moments byQuadrature(const Curve &curve, double mu, double sigma)
{
    const stats::MomentIntegrand integrand(curve, mu);
    const Ld sd = sigma;
    auto weighted = [&](Ld z) {
        const stats::MomentIntegrand::Point point = integrand(sd * z);
        const Ld w = stats::quickExp(-z * z / 2) * invSqrt2Pi; // φ(z)
        const Ld g = point.difference * w, d = point.derivative * w;
        return stats::Values<4>{g, g * point.difference, d, d * point.derivative};
    };
    const std::vector<Ld> breaks = quadratureBreaks(curve, mu, sigma);
    const auto integral = stats::integrateAdaptive<4>(weighted, breaks, quadratureTolerance);
    const auto &[g, g2, d, d2] = integral.value;
    const Ld centre = curve.value(mu);
    Moments m;
    m.mean = double(centre + g);
    const Ld variance = g2 - g * g;
    m.variance = double(variance);
    m.meanDerivative = double(d);
    m.meanDerivativeSquared = double(d2);

    // Each value's error estimate, relative to its scale (Moments::errorEstimate): √E[f²] for the
    // mean, √E[f′²] for E[f′], the value itself for the variance and E[f′²].
    const auto &error = integral.error;
    const Ld rmsF = std::sqrt(variance + (centre + g) * (centre + g));
    const Ld rmsDerivative = std::sqrt(d2);
    auto ratio = [](Ld numerator, Ld denominator) {
        return numerator == 0 ? Ld(0) : numerator / denominator;
    };
    const Ld estimate =
        std::max({ratio(error[0], rmsF), ratio(error[1] + 2 * std::fabs(g) * error[0], variance),
                  ratio(error[2], rmsDerivative), ratio(error[3], d2)});
    m.errorEstimate =
        integral.converged ? double(estimate) : std::numeric_limits<double>::infinity();
    return m;
}

} // namespace

Moments gaussianMoments(const Curve &curve, const GaussianInput &input, MomentMethod method)
{
    const auto &parameter = curve.descriptor().parameter;
    if (!std::isfinite(input.mu) || !std::isfinite(input.sigma) || !(input.sigma > 0)
        || (parameter && !parameter->accepts(curve.parameter)))
        return notANumber();
    if (method == MomentMethod::Automatic && isPiecewise(curve.activation))
        return closedForm(curve, input.mu, input.sigma);
    return byQuadrature(curve, input.mu, input.sigma);
}

QString gaussianInputError(double mu, double sigma)
{
    if (!(std::isfinite(mu) && mu >= limits::muMin && mu <= limits::muMax))
        return QStringLiteral("μ must be a finite number from %1 to %2")
            .arg(formatNumber(limits::muMin), formatNumber(limits::muMax));
    if (!(std::isfinite(sigma) && sigma >= limits::sigmaMin && sigma <= limits::sigmaMax))
        return QStringLiteral("σ must be a finite number from %1 to %2")
            .arg(formatNumber(limits::sigmaMin), formatNumber(limits::sigmaMax));
    return {};
}

} // namespace elu
