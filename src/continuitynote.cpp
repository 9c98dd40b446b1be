// SPDX-License-Identifier: MIT
#include "continuitynote.h"

#include "elu.h"
#include "parameters.h"

#include <cmath>

namespace elu {

QString continuityNote(double alpha)
{
    const OneSidedLimits second = secondDerivativeLimitsAtZero(alpha);
    if (isDerivativeContinuous(alpha)) {
        return QStringLiteral("α = 1: ELU′ is continuous at 0 (1 from both sides), so ELU is C¹. "
                              "It is not C²: ELU″ jumps from %1 to %2.")
            .arg(formatNumber(second.fromLeft), formatNumber(second.fromRight));
    }
    const OneSidedLimits first = derivativeLimitsAtZero(alpha);
    QString note = QStringLiteral("α = %1: ELU′ jumps at 0 from %2 (left) to %3 (right), a jump of "
                                  "%4, so ELU is continuous but not C¹")
                       .arg(formatNumber(alpha), formatNumber(first.fromLeft),
                            formatNumber(first.fromRight), formatNumber(std::abs(1.0 - alpha)));
    if (alpha == 0.0)
        note += QStringLiteral(" (α = 0 is ReLU)");
    return note + QStringLiteral(", and never C².");
}

} // namespace elu
