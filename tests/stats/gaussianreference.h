// SPDX-License-Identifier: MIT
#pragma once

// An independent high-precision evaluation of the moments under Gaussian input, for tests:
// the __float128 activations of referencefunctions.h integrated against the standard normal
// density by recursive adaptive 20-point Gauss–Legendre quadrature in __float128. It shares
// nothing with src/stats/.
//
// Why it can be trusted to ~10⁻²⁰, far below the 10⁻¹² under test:
// - Quad rounding is 10⁻³⁴. The variance is E[h²] − (E[h])² with h = f(X) − f(μ), which
//   cancels by at most a factor ~2; h itself loses at most ~10¹¹ (tanh at μ = 10,
//   σ = 10⁻³: f ≈ 1, h ≈ 10⁻¹¹), leaving 10⁻²³.
// - Every panel is accepted only when its two halves agree with the whole to 10⁻²⁶ of the
//   integral's magnitude; panels are split at every kink and feature (x = 0, the peaks of
//   e^(kx/c)·φ), so each holds an analytic integrand.

#include "stats/referencefunctions.h"

#include <algorithm>
#include <array>
#include <vector>

namespace gaussianreference {

/// E[f], Var[f], E[f′], E[f′²], and the natural scales E|f|, E|f′|, for X ~ N(μ, σ²).
struct Moments
{
    Quad mean, variance, meanDerivative, meanDerivativeSquared, meanAbs, meanAbsDerivative;
    bool converged; ///< every panel met its tolerance within the evaluation budget
};

using Vec = std::array<Quad, 6>;

/// The 20-point Gauss–Legendre rule on [−1, 1], by Newton's method on the three-term
/// recurrence, in quad.
struct Legendre
{
    std::array<Quad, 20> x{}, w{};

    Legendre()
    {
        const int n = 20;
        for (int i = 0; i < n; ++i) {
            Quad t = cosq(acosq(Quad(-1)) * (i + Quad(0.75)) / (n + Quad(0.5))), derivative = 0;
            for (int iteration = 0; iteration < 100; ++iteration) {
                Quad p0 = 1, p1 = t;
                for (int k = 2; k <= n; ++k) {
                    const Quad p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = n * (t * p1 - p0) / (t * t - 1);
                const Quad step = p1 / derivative;
                t -= step;
                if (fabsq(step) < Quad(1e-33))
                    break;
            }
            x[std::size_t(i)] = t;
            w[std::size_t(i)] = 2 / ((1 - t * t) * derivative * derivative);
        }
    }
};

class Integrator
{
public:
    Integrator(const Function &f, Quad mu, Quad sigma)
        : m_f(f)
        , m_mu(mu)
        , m_sigma(sigma)
        , m_centre(f.value(mu))
    {
    }

    Vec integrand(Quad z) const
    {
        const Quad x = m_mu + m_sigma * z, density = normalPdfQ(z);
        const Quad value = m_f.value(x), h = m_f.difference(m_mu, m_sigma * z),
                   d = m_f.derivative(x);
        return {h * density,     h * h * density,        d * density,
                d * d * density, fabsq(value) * density, fabsq(d) * density};
    }

    Vec rule(Quad a, Quad b) const
    {
        static const Legendre legendre;
        m_evaluations += long(legendre.x.size());
        const Quad half = (b - a) / 2, centre = (a + b) / 2;
        Vec sum{};
        for (std::size_t i = 0; i < legendre.x.size(); ++i) {
            const Vec y = integrand(centre + half * legendre.x[i]);
            for (std::size_t k = 0; k < sum.size(); ++k)
                sum[k] += legendre.w[i] * y[k] * half;
        }
        return sum;
    }

    /// Adds ∫ over [a, b] to `total`, bisecting until the halves agree with the whole.
    void adapt(Quad a, Quad b, const Vec &whole, const Vec &tolerance, Vec &total, int depth) const
    {
        const Quad middle = (a + b) / 2;
        const Vec left = rule(a, middle), right = rule(middle, b);
        bool agree = true;
        for (std::size_t k = 0; k < whole.size(); ++k)
            agree = agree && fabsq(left[k] + right[k] - whole[k]) <= tolerance[k];
        if (!agree && (depth >= 60 || m_evaluations > evaluationBudget))
            m_converged = false;
        if (agree || !m_converged) {
            for (std::size_t k = 0; k < total.size(); ++k)
                total[k] += left[k] + right[k];
            return;
        }
        adapt(a, middle, left, tolerance, total, depth + 1);
        adapt(middle, b, right, tolerance, total, depth + 1);
    }

    Quad centre() const { return m_centre; }
    bool converged() const { return m_converged; }

private:
    static constexpr long evaluationBudget = 400'000;
    Function m_f;
    Quad m_mu, m_sigma, m_centre;
    mutable long m_evaluations = 0;
    mutable bool m_converged = true;
};

inline Moments moments(elu::ActivationId id, double parameter, double mu, double sigma)
{
    using elu::ActivationId;
    const Function f{id, parameter};
    const Integrator integrator(f, mu, sigma);
    // Breaks: about the Gaussian's peak and the kink or bend z₀ = −μ/σ (x = 0), 50 either
    // side of it (the whole mass of a relu at μ/σ = −100 lies beyond z = 100). For the
    // exponential family also the peaks z = kσ/c of e^(kx/c)·φ(z), k = 1, 2, with the range
    // extended past them, and breaks at z₀ − 2ʲc/σ, where e^(x/c) falls off below the kink
    // (within 10⁻⁷ of it for CELU at α = 10⁻⁶, σ = 10: a feature panels must not step over).
    const Quad kink = -Quad(mu) / sigma;
    const Quad lower = fminq(-50, kink - 50);
    Quad upper = fmaxq(50, kink + 50);
    // Every 5 about the peak and about the kink, so that no first panel steps over the
    // Gaussian (agreeing halves of a panel that misses it would be accepted).
    std::vector<Quad> breaks{lower};
    for (int j = -10; j <= 10; ++j) {
        breaks.push_back(5 * j);
        breaks.push_back(kink + 5 * j);
    }
    if (id == ActivationId::Elu || id == ActivationId::Celu || id == ActivationId::Selu) {
        const Quad c = id == ActivationId::Celu ? Quad(parameter) : 1;
        const Quad kappa = sigma / c;
        breaks.push_back(kappa);
        breaks.push_back(2 * kappa);
        upper = fmaxq(upper, fminq(kink, 2 * kappa) + 50);
        for (Quad step = 1 / kappa; kink - step > lower; step *= 2)
            breaks.push_back(kink - step);
    }
    breaks.push_back(upper);
    std::erase_if(breaks, [&](Quad z) { return z < lower || z > upper; });
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());

    // One rule a piece gives the magnitudes the tolerance scales with.
    std::vector<Vec> pieces;
    Vec magnitude{};
    for (std::size_t i = 0; i + 1 < breaks.size(); ++i) {
        pieces.push_back(integrator.rule(breaks[i], breaks[i + 1]));
        for (std::size_t k = 0; k < magnitude.size(); ++k)
            magnitude[k] += fabsq(pieces.back()[k]);
    }
    // Below the double range nothing is compared; there quad's own subnormals would make a
    // relative tolerance unreachable (CELU at α = 10⁻³, μ = −10: E[h²] ≈ e^(−20000)).
    const Quad floor = Quad(1e-300) * Quad(1e-40);
    Vec tolerance{};
    for (std::size_t k = 0; k < tolerance.size(); ++k)
        tolerance[k] = fmaxq(Quad(1e-26) * magnitude[k], floor);
    Vec total{};
    for (std::size_t i = 0; i + 1 < breaks.size(); ++i)
        integrator.adapt(breaks[i], breaks[i + 1], pieces[i], tolerance, total, 0);
    return {integrator.centre() + total[0],
            total[1] - total[0] * total[0],
            total[2],
            total[3],
            total[4],
            total[5],
            integrator.converged()};
}

} // namespace gaussianreference
