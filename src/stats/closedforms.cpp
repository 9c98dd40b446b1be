// SPDX-License-Identifier: MIT
#include "closedforms.h"

#include "gaussiantail.h"
#include "quadrature.h"

#include <cmath>

namespace elu::stats {

namespace {

/// A direct difference of logarithms is kept when the terms' magnitudes sum to at most this
/// many times the result: each log R is within ~10⁻¹⁸ (absolute, or relative for s < 0 after
/// the quadratic part), so the difference is within ~3·10⁻¹⁶ relative.
constexpr Ld cancellationLimit = 256;
/// The quadrature fallback integrates the positive K or V, smooth on the scale of max(1, |s|).
constexpr Ld fallbackTolerance = 1e-16L;

} // namespace

Ld logMillsRatioDifference(Ld r, Ld kappa)
{
    const LogMillsRatio from = logMillsRatio(r), to = logMillsRatio(r + kappa);
    // For two negative arguments the quadratic parts differ by κ(r + κ/2), exactly.
    const bool negative = r + kappa < 0;
    const Ld quadratic = negative ? kappa * (r + kappa / 2) : to.quadratic - from.quadratic;
    const Ld quadraticSize = negative ? std::fabs(quadratic) : to.quadratic + from.quadratic;
    const Ld difference = quadratic + (to.rest - from.rest);
    if (quadraticSize + std::fabs(to.rest) + std::fabs(from.rest)
        <= cancellationLimit * std::fabs(difference))
        return difference;
    const Ld breaks[] = {0, kappa};
    const auto integral = integrateAdaptive<1>([r](Ld u) { return Values<1>{excessMean(r + u)}; },
                                               breaks, fallbackTolerance);
    return -integral.value[0];
}

Ld logMillsRatioSecondDifference(Ld r, Ld kappa)
{
    const LogMillsRatio a = logMillsRatio(r), b = logMillsRatio(r + kappa),
                        c = logMillsRatio(r + 2 * kappa);
    const bool negative = r + 2 * kappa < 0;
    const Ld quadratic = negative ? kappa * kappa : a.quadratic - 2 * b.quadratic + c.quadratic;
    const Ld quadraticSize = negative ? quadratic : a.quadratic + 2 * b.quadratic + c.quadratic;
    const Ld difference = quadratic + (a.rest - 2 * b.rest + c.rest);
    if (quadraticSize + std::fabs(a.rest) + 2 * std::fabs(b.rest) + std::fabs(c.rest)
        <= cancellationLimit * std::fabs(difference))
        return difference;
    const Ld breaks[] = {0, kappa, 2 * kappa};
    const auto integral = integrateAdaptive<1>(
        [r, kappa](Ld u) {
            return Values<1>{excessVariance(r + u) * (u < kappa ? u : 2 * kappa - u)};
        },
        breaks, fallbackTolerance);
    return integral.value[0];
}

Moments leakyReluMoments(double slope, double mu, double sigma)
{
    // f = s·X + (1 − s)·X⁺, and Cov(X, X⁺) = σ²·P(X > 0) (Stein's lemma).
    const Ld s = slope, sd = sigma, r = Ld(mu) / sd;
    const Ld p = normalCdf(r), q = normalCdf(-r);
    const Ld excess = excessMean(-r); // E[X⁺ | X > 0]/σ
    const Ld reluMean = sd * p * excess;
    const Ld reluVariance = sd * sd * p * (excessVariance(-r) + q * excess * excess);
    Moments m;
    m.mean = double(s * mu + (1 - s) * reluMean);
    m.variance =
        double(s * s * sd * sd + (1 - s) * (1 - s) * reluVariance + 2 * s * (1 - s) * sd * sd * p);
    m.meanDerivative = double(s + (1 - s) * p);
    m.meanDerivativeSquared = double(s * s + (1 - s * s) * p);
    return m;
}

Moments exponentialMoments(Ld lambda, Ld alpha, Ld c, double mu, double sigma)
{
    const Ld sd = sigma, r = Ld(mu) / sd, kappa = sd / c;
    const Ld p = normalCdf(r), q = normalCdf(-r);
    // The right branch, X > 0: f = λX.
    const Ld meanRight = lambda * sd * excessMean(-r);
    const Ld varianceRight = lambda * lambda * sd * sd * excessVariance(-r);
    // The left branch, X ≤ 0: f = λα(W − 1) with W = e^(X/c), E[W^k | X ≤ 0] = e^(D(kκ)).
    Ld meanLeft = 0, varianceLeft = 0, w1 = 0, w2 = 0;
    if (q > 0 && alpha > 0) {
        const Ld d1 = logMillsRatioDifference(r, kappa);
        const Ld d1Twice = logMillsRatioDifference(r, 2 * kappa);
        const Ld d2 = logMillsRatioSecondDifference(r, kappa); // d1Twice − 2·d1, not cancelled
        w1 = std::exp(d1);
        w2 = std::exp(d1Twice);
        meanLeft = lambda * alpha * std::expm1(d1);
        const Ld varianceW = d2 > 1 ? w2 - w1 * w1 : w1 * w1 * std::expm1(d2);
        varianceLeft = lambda * lambda * alpha * alpha * varianceW;
    }
    const Ld slopeLeft = lambda * alpha / c; // f′ = slopeLeft·W on the left
    const Ld gap = meanRight - meanLeft;     // ≥ 0: f > 0 on the right, ≤ 0 on the left
    Moments m;
    m.mean = double(p * meanRight + q * meanLeft);
    m.variance = double(p * varianceRight + q * varianceLeft + p * q * gap * gap);
    m.meanDerivative = double(lambda * p + slopeLeft * q * w1);
    m.meanDerivativeSquared = double(lambda * lambda * p + slopeLeft * slopeLeft * q * w2);
    return m;
}

} // namespace elu::stats
