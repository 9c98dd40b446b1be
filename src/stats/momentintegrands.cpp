// SPDX-License-Identifier: MIT
#include "momentintegrands.h"

#include "activationfunctions.h"
#include "gaussiantail.h"
#include "plotspec.h"

#include <algorithm>
#include <cmath>

// Each difference f(x) − f(y), x = y + d, is rewritten so that its terms never nearly cancel
// (or cancel only where the difference itself is negligible in the integral):
// - σ(x) − σ(y) = expm1(d)·σ(y)·σ(−x) for |d| ≤ 40; beyond, σ(x) and σ(y) (or σ(−x) and
//   σ(−y)) differ by a factor above e⁴⁰. tanh(x) − tanh(y) = 2(σ(2x) − σ(2y)).
// - softplus: sp(a + b) − sp(a) = log1p(σ(a)·expm1(b)), or log(σ(−a) + σ(a)·e^b) when that
//   argument nears −1, or b + sp(−a − b) − sp(−a) when e^b would overflow.
// - x·u(x) − y·u(y) = d·u(x) + y·(u(x) − u(y)) for silu (u = σ), gelu (u = Φ, the difference
//   by a series in d), gelu_tanh (u = σ(v(x)) with v(x) − v(y) = 2c₁d(1 + c₂(x² + xy + y²)))
//   and mish (u = tanh∘softplus).
// - The piecewise family: λd, s·d, or λα·e^(y/c)·expm1(d/c) (λα(e^(x/c) − e^(y/c)), a factor
//   e or more apart, for |d/c| > 1) on one side of the kink; across it f(x) and f(y) have
//   opposite signs, so their difference is a sum.
// Each difference is a product with a factor exact in d (expm1(d), log1p(…expm1(βd)), d
// itself): the rounding of x = y + d then perturbs it relatively, never by a fixed amount.

namespace elu::stats {

namespace {

using Sigmoids = MomentIntegrand::Sigmoids;

Sigmoids fromExp(Ld z, Ld e) // e = e^(−|z|)
{
    const Ld large = 1 / (1 + e), small = e * large;
    return z >= 0 ? Sigmoids{large, small} : Sigmoids{small, large};
}

Sigmoids sigmoids(Ld z)
{
    return fromExp(z, std::exp(-std::fabs(z)));
}

/// To double precision: where nothing is differenced afterwards (sigmoid, tanh, softplus, and
/// derivatives, whose errors count against E|f′|).
Sigmoids quickSigmoids(Ld z)
{
    return fromExp(z, quickExp(-std::fabs(z)));
}

/// σ(p) − σ(q) given σ at p and q and delta = p − q.
Ld sigmoidDifference(const Sigmoids &p, const Sigmoids &q, Ld delta)
{
    if (std::fabs(delta) <= 40)
        return std::expm1(delta) * q.pos * p.neg;
    // σ at p and q differ by a factor above e⁴⁰ on the side nearer 0: the difference of
    // the upper tails when p + q > 0 (both σ near 1 at p = 80, q = 20), else of σ itself.
    return p.pos + q.pos > 1 ? q.neg - p.neg : p.pos - q.pos;
}

/// log(1 + e^z) for every z, without overflow.
Ld softplus(Ld z)
{
    return std::max<Ld>(z, 0) + std::log1p(std::exp(-std::fabs(z)));
}

/// softplus(a + b) − softplus(a), given σ at a.
Ld softplusDifference(Ld a, const Sigmoids &sigmoidA, Ld b)
{
    if (b > 11000) // e^b overflows long double; a ≥ −1000 here, so a + b ≫ 0
        return b + softplus(-a - b) - softplus(-a);
    const Ld q = sigmoidA.pos * std::expm1(b);
    if (q > -0.5L)
        return std::log1p(q);
    return std::log(sigmoidA.neg + sigmoidA.pos * std::exp(b));
}

/// Φ(y + d) − Φ(y), as a product exact in d: the difference of two rounded values would carry
/// the rounding of x = y + d, an error ~10⁻¹⁹·|y|·φ(y) that does not shrink with d. With
/// m = y + d/2 and h = d/2, ∫ φ over [m − h, m + h] = φ(m)·d·Σₖ He₂ₖ(m)·h²ᵏ/(2k + 1)!
/// (He the Hermite polynomials), used for |d|·(1 + |m|) ≤ 2, where it converges in ~12
/// terms; beyond, the difference of the two values nearer 0 cancels by at most ~2.
Ld normalCdfDifference(Ld y, Ld d, Ld cdfX, Ld tailX, Ld cdfY, Ld tailY)
{
    const Ld m = y + d / 2, h = d / 2;
    if (std::fabs(d) * (1 + std::fabs(m)) > 2)
        return 2 * y + d > 0 ? tailY - tailX : cdfX - cdfY;
    Ld he = 1, hePrevious = 0, power = 1, factorial = 1, sum = 0; // He_n, He_(n−1), h^n, (n+1)!
    for (int n = 0; n < 60; n += 2) {
        const Ld term = he * power / factorial;
        sum += term;
        if (std::fabs(term) <= 1e-21L * std::fabs(sum))
            break;
        const Ld heNext = m * he - n * hePrevious; // He_(n+1) = m·He_n − n·He_(n−1)
        hePrevious = heNext;
        he = m * heNext - (n + 1) * he;
        power *= h * h;
        factorial *= Ld(n + 2) * (n + 3);
    }
    return normalPdf(m) * d * sum;
}

/// gelu_tanh's v(x) = 2c₁x(1 + c₂x²), so that (x/2)(1 + tanh(c₁(x + c₂x³))) = x·σ(v).
constexpr Ld geluTanhC1 = fn::geluTanhC1;
constexpr Ld geluTanhC2 = fn::geluTanhC2;

Ld geluTanhArgument(Ld x)
{
    return 2 * geluTanhC1 * x * (1 + geluTanhC2 * x * x);
}

} // namespace

MomentIntegrand::MomentIntegrand(const Curve &curve, double mu)
    : m_id(curve.activation)
    , m_mu(mu)
    , m_parameter(curve.parameter)
{
    const Ld y = m_mu;
    switch (m_id) {
    case ActivationId::Relu:
        break;
    case ActivationId::LeakyRelu:
        m_leftScale = m_parameter;
        break;
    case ActivationId::Elu:
        m_exponential = true;
        m_leftScale = m_parameter;
        break;
    case ActivationId::Celu:
        m_exponential = true;
        m_leftScale = m_parameter;
        m_c = m_parameter;
        break;
    case ActivationId::Selu:
        m_exponential = true;
        m_lambda = fn::seluLambda;
        m_leftScale = m_lambda * Ld(fn::seluAlpha);
        break;
    case ActivationId::Gelu:
        m_atMu = {normalCdf(y), normalCdf(-y)};
        break;
    case ActivationId::GeluTanh:
        m_aux = geluTanhArgument(y);
        m_atMu = sigmoids(m_aux);
        break;
    case ActivationId::Silu:
    case ActivationId::Sigmoid:
        m_atMu = sigmoids(y);
        break;
    case ActivationId::Softplus:
        m_aux = m_parameter * y;
        m_atMu = sigmoids(m_aux);
        break;
    case ActivationId::Mish:
        m_atMu = sigmoids(y);
        m_aux = softplus(y);
        m_atMuAux = sigmoids(2 * m_aux);
        break;
    case ActivationId::Tanh:
        m_atMu = sigmoids(2 * y);
        break;
    }
}

MomentIntegrand::Point MomentIntegrand::piecewise(Ld d, Ld x) const
{
    const Ld y = m_mu;
    auto value = [&](Ld t) {
        if (t > 0)
            return m_lambda * t;
        return m_exponential ? m_leftScale * std::expm1(t / m_c) : m_leftScale * t;
    };
    Ld difference;
    if (x > 0 && y > 0)
        difference = m_lambda * d;
    else if (x <= 0 && y <= 0 && !m_exponential)
        difference = m_leftScale * d;
    else if (x <= 0 && y <= 0 && std::fabs(d / m_c) <= 1)
        difference = m_leftScale * std::exp(y / m_c) * std::expm1(d / m_c);
    else if (x <= 0 && y <= 0) // e^(x/c) and e^(y/c) at least a factor e apart
        difference = m_leftScale * (std::exp(x / m_c) - std::exp(y / m_c));
    else // opposite signs: a sum
        difference = value(x) - value(y);
    Ld derivative = m_lambda;
    if (x <= 0)
        derivative = m_exponential ? m_leftScale / m_c * std::exp(x / m_c) : m_leftScale;
    return {difference, derivative};
}

MomentIntegrand::Point MomentIntegrand::operator()(Ld d) const
{
    const Ld y = m_mu, x = y + d;
    switch (m_id) {
    case ActivationId::Relu:
    case ActivationId::LeakyRelu:
    case ActivationId::Elu:
    case ActivationId::Celu:
    case ActivationId::Selu:
        return piecewise(d, x);
    case ActivationId::Sigmoid: {
        const Sigmoids s = quickSigmoids(x);
        return {sigmoidDifference(s, m_atMu, d), s.pos * s.neg};
    }
    case ActivationId::Tanh: {
        const Sigmoids s = quickSigmoids(2 * x);
        return {2 * sigmoidDifference(s, m_atMu, 2 * d), 4 * s.pos * s.neg};
    }
    case ActivationId::Softplus: {
        const Ld beta = m_parameter;
        const Ld b = beta * d;
        return {softplusDifference(m_aux, m_atMu, b) / beta, quickSigmoids(m_aux + b).pos};
    }
    case ActivationId::Silu: {
        const Sigmoids s = sigmoids(x);
        return {d * s.pos + y * sigmoidDifference(s, m_atMu, d), s.pos * (1 + x * s.neg)};
    }
    case ActivationId::Gelu: {
        // One erfc: the smaller of Φ(x), Φ(−x) directly, the other (≥ 1/2) as 1 minus it.
        const Ld small = normalCdf(-std::fabs(x));
        const Ld cdf = x > 0 ? 1 - small : small, tail = x > 0 ? small : 1 - small;
        const Ld difference = normalCdfDifference(y, d, cdf, tail, m_atMu.pos, m_atMu.neg);
        return {d * cdf + y * difference, cdf + x * normalPdf(x)};
    }
    case ActivationId::GeluTanh: {
        const Ld v = geluTanhArgument(x);
        const Ld deltaV = 2 * geluTanhC1 * d * (1 + geluTanhC2 * (x * x + x * y + y * y));
        const Sigmoids s = sigmoids(v);
        const Ld vPrime = 2 * geluTanhC1 * (1 + 3 * geluTanhC2 * x * x);
        return {d * s.pos + y * sigmoidDifference(s, m_atMu, deltaV),
                s.pos * (1 + x * s.neg * vPrime)};
    }
    case ActivationId::Mish: {
        const Ld deltaSp = softplusDifference(y, m_atMu, d);
        const Ld sp = softplus(x); // not m_aux + deltaSp, which cancels for x ≪ y
        const Sigmoids s2 = sigmoids(2 * sp);
        const Ld t = std::tanh(sp);
        const Ld deltaT = 2 * sigmoidDifference(s2, m_atMuAux, 2 * deltaSp);
        return {d * t + y * deltaT, t + x * 4 * s2.pos * s2.neg * quickSigmoids(x).pos};
    }
    }
    return {0, 0};
}

} // namespace elu::stats
