// SPDX-License-Identifier: MIT
#pragma once

#include "gaussianmoments.h"

/// The moments of the piecewise-linear and piecewise-exponential activations under Gaussian
/// input in closed form (docs/contract.md's formulas, rewritten so that nothing cancels or
/// overflows). With r = μ/σ, p = Φ(r) = P(X > 0), q = Φ(−r), the Mills ratio R and its
/// companions K and V (gaussiantail.h):
/// - E[X | X > 0] = σK(−r) and Var[X | X > 0] = σ²V(−r);
/// - E[e^(kX/c) | X ≤ 0] = R(r + kσ/c)/R(r) = exp(log R(r + kσ/c) − log R(r)), the
///   exponents being integrals of −K, so that e^(μ/c + σ²/2c²)·Φ(−(μ + σ²/c)/σ) is never
///   formed;
/// - the variance by the law of total variance over the sign of X, a sum of three
///   non-negative terms.
namespace elu::stats {

using Ld = long double;

/// f(x) = x for x > 0, s·x otherwise (leaky_relu; relu is s = 0), s ∈ [0, 1], σ > 0.
Moments leakyReluMoments(double slope, double mu, double sigma);

/// f(x) = λx for x > 0, λα(e^(x/c) − 1) otherwise, λ > 0, α ≥ 0, c > 0, σ > 0.
/// elu is λ = 1, c = 1; celu λ = 1, c = α; selu its λ and α with c = 1.
Moments exponentialMoments(Ld lambda, Ld alpha, Ld c, double mu, double sigma);

/// log R(r + κ) − log R(r) = −∫_r^(r+κ) K(s) ds ≤ 0, for κ ≥ 0: directly where the
/// logarithms do not cancel, otherwise by quadrature of K.
Ld logMillsRatioDifference(Ld r, Ld kappa);

/// log R(r + 2κ) − 2 log R(r + κ) + log R(r) = ∫₀^2κ V(r + u)·min(u, 2κ − u) du ≥ 0, for
/// κ ≥ 0: directly where the logarithms do not cancel, otherwise by quadrature of V.
Ld logMillsRatioSecondDifference(Ld r, Ld kappa);

} // namespace elu::stats
