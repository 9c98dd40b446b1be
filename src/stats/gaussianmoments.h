// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace elu {

struct Curve;

/// The accepted Gaussian input, from docs/contract.md ("Statistics under Gaussian input").
namespace limits {
inline constexpr double muMin = -10.0;
inline constexpr double muMax = 10.0;
inline constexpr double sigmaMin = 1e-3;
inline constexpr double sigmaMax = 10.0;
} // namespace limits

/// The input X ~ N(μ, σ²) of a layer. Defaults: the standard normal.
struct GaussianInput
{
    double mu = 0.0;
    double sigma = 1.0;

    friend bool operator==(const GaussianInput &, const GaussianInput &) = default;
};

/// The four statistics of f(X) for X ~ N(μ, σ²).
struct Moments
{
    double mean = 0.0;                  ///< E[f(X)]
    double variance = 0.0;              ///< Var[f(X)]
    double meanDerivative = 0.0;        ///< E[f′(X)]
    double meanDerivativeSquared = 0.0; ///< E[f′(X)²], the layer's gradient-variance factor
    /// The quadrature's estimate of its truncation error, the largest over the four values:
    /// relative to the variance and E[f′²], and to √E[f²] and √E[f′²] for the mean and E[f′].
    /// 0 for the closed forms, whose only error is rounding; +∞ if the quadrature did not
    /// converge (never seen in range).
    double errorEstimate = 0.0;
};

/// How gaussianMoments computes.
enum class MomentMethod {
    Automatic,  ///< closed forms for relu, leaky_relu, elu, celu, selu; quadrature otherwise
    Quadrature, ///< adaptive quadrature for every activation (a cross-check of the forms)
};

/// E[f(X)], Var[f(X)], E[f′(X)] and E[f′(X)²] for X ~ N(μ, σ²) and f the curve's activation
/// with its parameter.
///
/// Accuracy, for μ ∈ [−10, 10], σ ∈ [10⁻³, 10] and every accepted parameter: relative error
/// at most 10⁻¹² for the variance and E[f′²], and for the mean and E[f′] at most 10⁻¹² of
/// E|f| and E|f′|: relative error wherever f (f′) keeps one sign, and the natural bound where
/// the mean is a cancellation of positive and negative parts (SELU at (0, 1), whose mean is 0
/// to within the rounding of its constants; E[gelu′] as it crosses 0). About 2·10⁻¹⁶ is
/// typical (README). Values below the double range come out as 0 or subnormal; a mean above
/// it (softplus with β < 4·10⁻³⁰⁹, mean ≈ log 2/β) as +∞.
///
/// Methods (README, "Statistics under Gaussian input"): the piecewise family in closed form
/// through the Mills ratio R(s) = Φ(−s)/φ(s), as sums of non-negative terms (the variance by
/// the law of total variance over the sign of X); the smooth family by globally adaptive
/// 21-point Gauss–Kronrod quadrature of E[g], E[g²], E[f′], E[f′²] with g = f(X) − f(μ)
/// evaluated without cancellation, over z = (X − μ)/σ ∈ [−50, 50] split at fixed points and
/// at x = 0, until each integral's error estimate is at most 10⁻¹³ of its magnitude ∫|·|.
///
/// A σ that is not finite and positive, a non-finite μ or a parameter the activation does
/// not accept gives NaN in every field. Thread-safe, no allocation beyond the quadrature's
/// interval list; about 1–12 µs a call in closed form and 40–250 µs by quadrature.
Moments gaussianMoments(const Curve &curve, const GaussianInput &input,
                        MomentMethod method = MomentMethod::Automatic);

/// Empty when μ and σ are accepted; otherwise what is accepted, e.g.
/// "σ must be a finite number from 0.001 to 10" (a σ of 0 or below included).
QString gaussianInputError(double mu, double sigma);

} // namespace elu
