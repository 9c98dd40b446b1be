// SPDX-License-Identifier: MIT
#pragma once

#include "activation.h"

namespace elu {
struct Curve;
}

namespace elu::stats {

using Ld = long double;

/// The integrands of the moments by quadrature, for one curve f and a fixed centre μ:
/// the difference f(μ + d) − f(μ) and the derivative f′(μ + d), in long double.
///
/// The difference is computed from d in a form that never subtracts f(μ) from f(μ + d)
/// (σ(x) − σ(y) = expm1(x − y)·σ(y)·σ(−x), softplus through log1p, …): accurate relative to
/// itself, so that the variance E[(f − f(μ))²] − (E[f − f(μ)])² keeps its digits even when
/// it is 10⁻²⁰ of f(μ)² (sigmoid at μ = 10, σ = 10⁻³). The derivative is accurate to a few
/// long double ULPs. Valid for every activation and accepted parameter, |μ| ≤ 10 and
/// |d| ≤ 1000 (the quadrature uses |d| ≤ 50σ ≤ 500).
class MomentIntegrand
{
public:
    struct Point
    {
        Ld difference; ///< f(μ + d) − f(μ)
        Ld derivative; ///< f′(μ + d) (a kink's measure-zero value is the right-hand one)
    };

    MomentIntegrand(const Curve &curve, double mu);

    Point operator()(Ld d) const;

    /// σ(z) and σ(−z), each from e^(−|z|) so that neither is a difference.
    struct Sigmoids
    {
        Ld pos;
        Ld neg;
    };

private:
    Point piecewise(Ld d, Ld x) const;

    ActivationId m_id;
    Ld m_mu;
    Ld m_parameter;
    // The piecewise family: λx for x > 0; m_leftScale·x (leaky_relu, relu) or
    // m_leftScale·expm1(x/m_c) (elu, celu, selu: λα) otherwise.
    bool m_exponential = false;
    Ld m_lambda = 1, m_leftScale = 0, m_c = 1;
    // The smooth family: quantities at μ (σ(μ), Φ(μ), softplus(μ), … see the .cpp).
    Sigmoids m_atMu{};
    Sigmoids m_atMuAux{};
    Ld m_aux = 0;
};

} // namespace elu::stats
