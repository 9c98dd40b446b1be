// SPDX-License-Identifier: MIT
#include "continuitynote.h"

#include "elu.h"

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

QString continuityNote(const Curve &curve)
{
    if (curve.activation == ActivationId::Elu)
        return continuityNote(curve.parameter);
    const Activation &row = curve.descriptor();
    const QString prefix = row.parameter ? QStringLiteral("%1 = %2: ").arg(
                               row.parameter->symbol, formatNumber(curve.parameter))
                                         : QString();
    const std::optional<Kink> kink = row.kink(curve.parameter);
    if (!kink) {
        return prefix
               + QStringLiteral("%1 has no kink: it is smooth (C∞).").arg(row.displayName);
    }
    if (kink->derivativeContinuous()) {
        return prefix
               + QStringLiteral("%1′ is continuous at 0 (%2 from both sides), so %1 is C¹. It "
                                "is not C²: %1″ jumps from %3 to %4.")
                     .arg(row.displayName, formatNumber(kink->leftDerivative),
                          formatNumber(kink->leftSecondDerivative),
                          formatNumber(kink->rightSecondDerivative));
    }
    return prefix
           + QStringLiteral("%1′ jumps at 0 from %2 (left) to %3 (right), a jump of %4, so %1 is "
                            "continuous but not C¹.")
                 .arg(row.displayName, formatNumber(kink->leftDerivative),
                      formatNumber(kink->rightDerivative),
                      formatNumber(std::abs(kink->rightDerivative - kink->leftDerivative)));
}

} // namespace elu
