// SPDX-License-Identifier: MIT
#include "elu.h"

namespace elu::detail {

double scaledExpBelowDoubleRange(double x, double alpha) noexcept
{
    return static_cast<double>(static_cast<long double>(alpha)
                               * std::exp(static_cast<long double>(x)));
}

} // namespace elu::detail
