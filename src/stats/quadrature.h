// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

/// Globally adaptive Gauss–Kronrod quadrature (10-point Gauss, 21-point Kronrod) of several
/// functions at once, in long double. Header-only because the integrand is a template: the
/// moments integrate four functions on the same nodes without an indirect call per node.
namespace elu::stats {

using Ld = long double;

template<std::size_t N> using Values = std::array<Ld, N>;

template<std::size_t N> struct QuadratureResult
{
    Values<N> value{};      ///< ∫ f_k, the Kronrod sums
    Values<N> magnitude{};  ///< ∫ |f_k|, the scale the tolerance is relative to
    Values<N> error{};      ///< Σ over the intervals of QUADPACK's estimate (see kronrod21)
    bool converged = false; ///< error[k] ≤ relTol·magnitude[k] for every k
    int evaluations = 0;
};

namespace detail {

// Nodes and weights of the 21-point Kronrod extension of the 10-point Gauss rule on [−1, 1],
// from a 60-digit mpmath computation (the same as QUADPACK's qk21 to its 33 digits).
inline constexpr std::array<Ld, 11> kronrodNodes{0.995657163025808080735527280689L,
                                                 0.973906528517171720077964012084L,
                                                 0.93015749135570822600120718006L,
                                                 0.865063366688984510732096688423L,
                                                 0.780817726586416897063717578345L,
                                                 0.679409568299024406234327365115L,
                                                 0.562757134668604683339000099273L,
                                                 0.433395394129247190799265943166L,
                                                 0.294392862701460198131126603104L,
                                                 0.14887433898163121088482600113L,
                                                 0.0L};
inline constexpr std::array<Ld, 11> kronrodWeights{
    0.0116946388673718742780643960622L, 0.0325581623079647274788189724594L,
    0.0547558965743519960313813002446L, 0.0750396748109199527670431409162L,
    0.0931254545836976055350654650834L, 0.109387158802297641899210590326L,
    0.123491976262065851077958109831L,  0.134709217311473325928054001772L,
    0.142775938577060080797094273139L,  0.147739104901338491374841515972L,
    0.14944555400291690566493646839L};
// The Gauss weights of the odd-indexed Kronrod nodes (1, 3, …, 9 above).
inline constexpr std::array<Ld, 5> gaussWeights{
    0.0666713443086881375935688098933L, 0.149451349150580593145776339658L,
    0.219086362515982043995534934228L, 0.269266719309996355091226921569L,
    0.295524224714752870173892994651L};

template<std::size_t N> struct Interval
{
    Ld a, b;
    Values<N> value, magnitude, error;
    Ld score;
};

template<std::size_t N, class F> Interval<N> kronrod21(F &f, Ld a, Ld b)
{
    const Ld half = (b - a) / 2, centre = (a + b) / 2;
    std::array<Values<N>, 21> y;
    y[20] = f(centre);
    for (std::size_t i = 0; i < 10; ++i) {
        y[2 * i] = f(centre - half * kronrodNodes[i]);
        y[2 * i + 1] = f(centre + half * kronrodNodes[i]);
    }
    Interval<N> interval{a, b, {}, {}, {}, 0};
    for (std::size_t k = 0; k < N; ++k) {
        Ld kronrod = kronrodWeights[10] * y[20][k], gauss = 0,
           absolute = kronrodWeights[10] * std::fabs(y[20][k]);
        for (std::size_t i = 0; i < 10; ++i) {
            const Ld pair = y[2 * i][k] + y[2 * i + 1][k];
            kronrod += kronrodWeights[i] * pair;
            if (i % 2 == 1)
                gauss += gaussWeights[i / 2] * pair;
            absolute += kronrodWeights[i] * (std::fabs(y[2 * i][k]) + std::fabs(y[2 * i + 1][k]));
        }
        // QUADPACK's estimate: |K − G| scaled by the integrand's variation about its mean
        // (resasc), which for smooth integrands tracks the Kronrod sum's actual error.
        const Ld mean = kronrod / 2;
        Ld variation = kronrodWeights[10] * std::fabs(y[20][k] - mean);
        for (std::size_t i = 0; i < 10; ++i)
            variation += kronrodWeights[i]
                         * (std::fabs(y[2 * i][k] - mean) + std::fabs(y[2 * i + 1][k] - mean));
        const Ld width = std::fabs(half);
        Ld error = std::fabs(kronrod - gauss) * width;
        variation *= width;
        if (variation != 0 && error != 0)
            error = variation * std::min<Ld>(1, std::pow(200 * error / variation, Ld(1.5)));
        interval.value[k] = kronrod * half;
        interval.magnitude[k] = absolute * width;
        interval.error[k] = error;
    }
    return interval;
}

} // namespace detail

/// ∫ f over [breaks.front(), breaks.back()] (breaks ascending, at least two), where
/// f(x) returns Values<N>. Each piece between breaks is integrated with the 21-point rule;
/// the interval with the largest error (relative to each component's magnitude) is bisected
/// until every component k satisfies error[k] ≤ relTol·magnitude[k], or after maxSplits
/// bisections (converged is then false), or when the worst interval is too narrow to split.
/// Put breaks at every kink of f: the rule assumes f smooth inside a piece.
template<std::size_t N, class F>
QuadratureResult<N> integrateAdaptive(F &&f, std::span<const Ld> breaks, Ld relTol,
                                      int maxSplits = 600)
{
    using Interval = detail::Interval<N>;
    std::vector<Interval> intervals; // a max-heap on score
    intervals.reserve(breaks.size() + 32);
    QuadratureResult<N> result;
    auto sum = [&](auto member) {
        Values<N> total{};
        for (const Interval &interval : intervals)
            for (std::size_t k = 0; k < N; ++k)
                total[k] += (interval.*member)[k];
        return total;
    };
    auto converged = [&] {
        for (std::size_t k = 0; k < N; ++k)
            if (!(result.error[k] <= relTol * result.magnitude[k]))
                return false;
        return true;
    };
    // An interval's priority: its error relative to each component's magnitude at the time.
    auto score = [&](Interval &interval) {
        interval.score = 0;
        for (std::size_t k = 0; k < N; ++k)
            if (result.magnitude[k] > 0)
                interval.score += interval.error[k] / result.magnitude[k];
    };
    auto lower = [](const Interval &x, const Interval &y) { return x.score < y.score; };

    for (std::size_t i = 0; i + 1 < breaks.size(); ++i)
        if (breaks[i] < breaks[i + 1])
            intervals.push_back(detail::kronrod21<N>(f, breaks[i], breaks[i + 1]));
    result.evaluations = 21 * int(intervals.size());
    result.value = sum(&Interval::value);
    result.magnitude = sum(&Interval::magnitude);
    result.error = sum(&Interval::error);
    for (Interval &interval : intervals)
        score(interval);
    std::make_heap(intervals.begin(), intervals.end(), lower);

    int splits = 0;
    while (splits < maxSplits) {
        if (converged()) {
            // The running sums drift by rounding; confirm with exact sums before stopping.
            result.value = sum(&Interval::value);
            result.magnitude = sum(&Interval::magnitude);
            result.error = sum(&Interval::error);
            if (converged())
                break;
        }
        std::pop_heap(intervals.begin(), intervals.end(), lower);
        const Interval worst = intervals.back();
        const Ld middle = (worst.a + worst.b) / 2;
        if (!(worst.a < middle && middle < worst.b)) {
            std::push_heap(intervals.begin(), intervals.end(), lower);
            break; // too narrow to split: not converged
        }
        Interval left = detail::kronrod21<N>(f, worst.a, middle);
        Interval right = detail::kronrod21<N>(f, middle, worst.b);
        result.evaluations += 42;
        ++splits;
        for (std::size_t k = 0; k < N; ++k) {
            result.value[k] += left.value[k] + right.value[k] - worst.value[k];
            result.magnitude[k] += left.magnitude[k] + right.magnitude[k] - worst.magnitude[k];
            result.error[k] += left.error[k] + right.error[k] - worst.error[k];
        }
        score(left);
        score(right);
        intervals.back() = left;
        std::push_heap(intervals.begin(), intervals.end(), lower);
        intervals.push_back(right);
        std::push_heap(intervals.begin(), intervals.end(), lower);
    }
    result.value = sum(&Interval::value);
    result.magnitude = sum(&Interval::magnitude);
    result.error = sum(&Interval::error);
    result.converged = converged();
    return result;
}

} // namespace elu::stats
