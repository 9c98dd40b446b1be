// SPDX-License-Identifier: MIT
#pragma once

/// The standard normal distribution's tail functions in long double, the building blocks of
/// the closed-form moments (closedforms.h). Everything is expressed through the Mills ratio
///     R(s) = Φ(−s)/φ(s) = ∫₀^∞ e^(−sv − v²/2) dv,
/// the Laplace transform of a half Gaussian, so that products like e^(big)·Φ(−big) never form.
/// For Z ~ N(0, 1) and any real s, the excess v = Z − s given Z > s has the density
/// e^(−sv − v²/2)/R(s) on v ≥ 0; its mean and variance are excessMean(s) and
/// excessVariance(s), and log R(s) has derivatives −excessMean(s) and excessVariance(s).
///
/// Accuracy: each function is within a few hundred long double ULPs (≤ 2·10⁻¹⁷ relative) for
/// every real s where its value is a normal long double; tst_momentprimitives checks them
/// against __float128 evaluations from s = −200 to 10⁸.
namespace elu::stats {

using Ld = long double;

/// Φ(x) = erfc(−x/√2)/2, with full relative accuracy in the left tail.
Ld normalCdf(Ld x) noexcept;

/// φ(x) = e^(−x²/2)/√(2π).
Ld normalPdf(Ld x) noexcept;

/// e^t to within 1.2·10⁻¹⁶ relative, from a double exp corrected for the low part of t: five
/// times cheaper than the long double exp, for quadrature weights and for terms that are not
/// differenced afterwards. The long double exp below −708 and above 709.
Ld quickExp(Ld t) noexcept;

/// The Mills ratio R(s) = Φ(−s)/φ(s): about 1/s for s → ∞, 1.2533 at 0, √(2π)e^(s²/2) for
/// s → −∞ (+∞ once that overflows, below s ≈ −150).
Ld millsRatio(Ld s) noexcept;

/// The hazard h(s) = 1/R(s) = φ(s)/Φ(−s) = E[Z | Z > s]: about s + 1/s for s → ∞, φ(s) for
/// s → −∞ (0 once that underflows).
Ld hazard(Ld s) noexcept;

/// K(s) = h(s) − s = E[Z − s | Z > s] > 0, without the cancellation of that difference for
/// large s (about 1/s there; about −s for s → −∞).
Ld excessMean(Ld s) noexcept;

/// V(s) = Var[Z | Z > s] = 1 − h(s)·K(s) ∈ (0, 1), without cancellation (about 1/s² for
/// s → ∞, 1 for s → −∞).
Ld excessVariance(Ld s) noexcept;

/// log R(s) split as quadratic + rest: quadratic = s²/2 for s < 0 (0 otherwise), so that
/// differences of log R at nearby negative points can subtract the quadratic parts exactly.
/// rest is log R(s) − quadratic, at most 0.92 in magnitude for s < 0 and ≈ −log s for s ≫ 0.
struct LogMillsRatio
{
    Ld quadratic;
    Ld rest;
};
LogMillsRatio logMillsRatio(Ld s) noexcept;

} // namespace elu::stats
