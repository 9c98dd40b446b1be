// SPDX-License-Identifier: MIT
#pragma once

// Every activation of the catalogue, its derivative and the difference f(μ + dx) − f(μ), in
// __float128 (113-bit significand), from textbook formulas, for tests. The forms are chosen
// so that quad itself does not cancel: σ(v) for 1 + tanh(u), max(z, 0) + log1p(e^(−|z|)) for
// softplus, 1/cosh² for sech², and (see difference) λα(e^(x/c) − e^(μ/c)) on the exponential
// branch. They share nothing with src/ but the activation constants.

#include "activation.h"
#include "activationfunctions.h"

#include <quadmath.h>

namespace gaussianreference {

using Quad = __float128;

inline Quad sigmoidQ(Quad z)
{
    return 1 / (1 + expq(-z));
}

inline Quad softplusQ(Quad z)
{
    return fmaxq(z, 0) + log1pq(expq(-fabsq(z)));
}

inline Quad normalCdfQ(Quad x)
{
    return erfcq(-x / sqrtq(2)) / 2;
}

inline Quad normalPdfQ(Quad x)
{
    return expq(-x * x / 2) / sqrtq(2 * acosq(Quad(-1)));
}

/// f(x) and f′(x) in quad for one activation and parameter.
struct Function
{
    elu::ActivationId id;
    Quad p;

    Quad value(Quad x) const
    {
        using elu::ActivationId;
        const Quad lambda = elu::fn::seluLambda, alpha = elu::fn::seluAlpha;
        switch (id) {
        case ActivationId::Relu:
            return x > 0 ? x : 0;
        case ActivationId::LeakyRelu:
            return x > 0 ? x : p * x;
        case ActivationId::Elu:
            return x > 0 ? x : p * expm1q(x);
        case ActivationId::Celu:
            return x > 0 ? x : p * expm1q(x / p);
        case ActivationId::Selu:
            return x > 0 ? lambda * x : lambda * alpha * expm1q(x);
        case ActivationId::Gelu:
            return x * normalCdfQ(x);
        case ActivationId::GeluTanh:
            return x * sigmoidQ(geluTanhArgument(x));
        case ActivationId::Silu:
            return x * sigmoidQ(x);
        case ActivationId::Softplus:
            return softplusQ(p * x) / p;
        case ActivationId::Mish:
            return x * tanhq(softplusQ(x));
        case ActivationId::Sigmoid:
            return sigmoidQ(x);
        case ActivationId::Tanh:
            return tanhq(x);
        }
        return 0;
    }

    Quad derivative(Quad x) const
    {
        using elu::ActivationId;
        const Quad lambda = elu::fn::seluLambda, alpha = elu::fn::seluAlpha;
        switch (id) {
        case ActivationId::Relu:
            return x > 0 ? 1 : 0;
        case ActivationId::LeakyRelu:
            return x > 0 ? 1 : p;
        case ActivationId::Elu:
            return x > 0 ? 1 : p * expq(x);
        case ActivationId::Celu:
            return x > 0 ? 1 : expq(x / p);
        case ActivationId::Selu:
            return x > 0 ? lambda : lambda * alpha * expq(x);
        case ActivationId::Gelu:
            return normalCdfQ(x) + x * normalPdfQ(x);
        case ActivationId::GeluTanh: {
            const Quad v = geluTanhArgument(x);
            const Quad c1 = elu::fn::geluTanhC1, c2 = elu::fn::geluTanhC2;
            return sigmoidQ(v) * (1 + x * sigmoidQ(-v) * 2 * c1 * (1 + 3 * c2 * x * x));
        }
        case ActivationId::Silu:
            return sigmoidQ(x) * (1 + x * sigmoidQ(-x));
        case ActivationId::Softplus:
            return sigmoidQ(p * x);
        case ActivationId::Mish: {
            const Quad sp = softplusQ(x), c = coshq(sp);
            return tanhq(sp) + x * sigmoidQ(x) / (c * c);
        }
        case ActivationId::Sigmoid:
            return sigmoidQ(x) * sigmoidQ(-x);
        case ActivationId::Tanh: {
            const Quad c = coshq(x);
            return 1 / (c * c);
        }
        }
        return 0;
    }

    /// e^(x/c) − e^(μ/c), with x − μ = dx exact: e^(μ/c)·expm1(dx/c) for |dx/c| < 1, where
    /// the plain difference would cancel, and the plain difference otherwise, where
    /// expm1(dx/c) may overflow.
    static Quad exponentialDifference(Quad x, Quad mu, Quad dx, Quad c)
    {
        if (fabsq(dx / c) < 1)
            return expq(mu / c) * expm1q(dx / c);
        return expq(x / c) - expq(mu / c);
    }

    /// f(x) − f(μ), with x − μ = dx exact. On one side of the kink of the piecewise family
    /// it is λ·dx, s·dx or λα(e^(x/c) − e^(μ/c)): not f(x) − f(μ), whose terms share the −λα
    /// (for CELU at α = 10⁻³, μ = −0.3, the difference is 10⁻¹³¹ of f(μ)). Elsewhere it is
    /// f(x) − f(μ).
    Quad difference(Quad mu, Quad dx) const
    {
        using elu::ActivationId;
        const Quad x = mu + dx;
        const Quad lambda = elu::fn::seluLambda, alpha = elu::fn::seluAlpha;
        const bool left = x <= 0 && mu <= 0, right = x > 0 && mu > 0;
        switch (id) {
        case ActivationId::Relu:
        case ActivationId::LeakyRelu:
        case ActivationId::Elu:
        case ActivationId::Celu:
            if (right)
                return dx;
            break;
        case ActivationId::Selu:
            if (right)
                return lambda * dx;
            break;
        default:
            break;
        }
        if (left) {
            switch (id) {
            case ActivationId::Relu:
                return 0;
            case ActivationId::LeakyRelu:
                return p * dx;
            case ActivationId::Elu:
                return p * exponentialDifference(x, mu, dx, 1);
            case ActivationId::Celu:
                return p * exponentialDifference(x, mu, dx, p);
            case ActivationId::Selu:
                return lambda * alpha * exponentialDifference(x, mu, dx, 1);
            default:
                break;
            }
        }
        return value(x) - value(mu);
    }

    static Quad geluTanhArgument(Quad x) // v = 2c₁(x + c₂x³): (x/2)(1 + tanh(v/2)) = x·σ(v)
    {
        return 2 * Quad(elu::fn::geluTanhC1) * (x + Quad(elu::fn::geluTanhC2) * x * x * x);
    }
};

} // namespace gaussianreference
