// SPDX-License-Identifier: MIT
#include "continuitynote.h"

#include "elu.h"

#include <cmath>
#include <limits>

namespace elu {

namespace {

// |1 − α| for α = 1.091 is the double 0.09099999999999997 (the subtraction is exact): written
// as the reader typed α, to α's decimals, "0.091", as long as that decimal is within a few ULP
// of the exact jump; otherwise (α = 1 + 2⁻⁵²) its shortest form.
QString formatJump(double jump, double parameter)
{
    const QString typed = formatNumber(parameter);
    const qsizetype point = typed.indexOf(QLatin1Char('.'));
    if (point < 0 || typed.contains(QLatin1Char('e')))
        return formatNumber(jump);
    const QString rounded = QString::number(jump, 'f', int(typed.size() - point - 1));
    const double value = rounded.toDouble();
    if (std::abs(value - jump) > 4 * std::numeric_limits<double>::epsilon() * std::abs(jump))
        return formatNumber(jump);
    return formatNumber(value);
}

} // namespace

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
                            formatNumber(first.fromRight), formatJump(std::abs(1.0 - alpha), alpha));
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
                      formatJump(std::abs(kink->rightDerivative - kink->leftDerivative),
                                 curve.parameter));
}

} // namespace elu
