// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>

/// The ELU activation function and its derivatives, exactly as docs/contract.md defines them.
namespace elu {

/// ELU(x; α) = x for x > 0, α·expm1(x) otherwise.
/// Within 1 ULP of the exactly rounded value at α = 1, 2 ULP otherwise (α ∈ [0, 100]).
/// −0.0 maps to −0.0; at α = 0 every x < 0 maps to +0.0, the exact product 0 · (eˣ − 1).
inline double value(double x, double alpha) noexcept
{
    if (x > 0.0)
        return x;
    if (alpha == 0.0)
        return x == 0.0 ? x : 0.0;
    return alpha * std::expm1(x);
}

namespace detail {
/// α·eˣ where eˣ is subnormal in double: evaluated in long double so the product is rounded
/// once, not twice (double would lose up to 48 ULP at α = 100, x = −745.1).
double scaledExpBelowDoubleRange(double x, double alpha) noexcept;
/// Below this x, eˣ < DBL_MIN (2.2e−308) is subnormal in double.
inline constexpr double subnormalExpThreshold = -708.0;
} // namespace detail

/// ELU′(x; α) = 1 for x > 0, α·eˣ otherwise. At x = 0 it is α, as PyTorch autograd returns.
inline double derivative(double x, double alpha) noexcept
{
    if (x > 0.0)
        return 1.0;
    if (x < detail::subnormalExpThreshold)
        return detail::scaledExpBelowDoubleRange(x, alpha);
    return alpha * std::exp(x);
}

/// ELU″(x; α) = 0 for x > 0, α·eˣ otherwise. It jumps at 0 for every α > 0: ELU is never C².
inline double secondDerivative(double x, double alpha) noexcept
{
    return x > 0.0 ? 0.0 : derivative(x, alpha);
}

/// The two one-sided limits of a function at x = 0.
struct OneSidedLimits
{
    double fromLeft;
    double fromRight;
};

/// ELU′ at 0: α from the left, 1 from the right.
constexpr OneSidedLimits derivativeLimitsAtZero(double alpha) noexcept
{
    return {alpha, 1.0};
}

/// ELU″ at 0: α from the left, 0 from the right.
constexpr OneSidedLimits secondDerivativeLimitsAtZero(double alpha) noexcept
{
    return {alpha, 0.0};
}

/// True when ELU′ is continuous at 0, which holds only for α = 1.
constexpr bool isDerivativeContinuous(double alpha) noexcept
{
    return alpha == 1.0;
}

} // namespace elu
