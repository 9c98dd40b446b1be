// SPDX-License-Identifier: MIT
#include "numberspinbox.h"

#include "plotspec.h"

#include <cmath>

NumberSpinBox::NumberSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    // QDoubleSpinBox rounds every value to decimals(); its maximum, 323, keeps every normal
    // double as it is (1e-300 included), so the box shows exactly what the model holds.
    setDecimals(323);
    setKeyboardTracking(false); // typing "1.5" must not apply "1" and "1." on the way
    setAccelerated(true);
}

QString NumberSpinBox::textFromValue(double value) const
{
    return elu::formatNumber(value);
}

double NumberSpinBox::valueFromText(const QString &text) const
{
    return text.trimmed().toDouble();
}

QValidator::State NumberSpinBox::validate(QString &input, int &position) const
{
    Q_UNUSED(position);
    const QString text = input.trimmed();
    if (text.isEmpty() || text == QLatin1String("-") || text == QLatin1String("+")
        || text.endsWith(QLatin1Char('e'), Qt::CaseInsensitive)
        || text.endsWith(QLatin1String("e-"), Qt::CaseInsensitive)
        || text.endsWith(QLatin1String("e+"), Qt::CaseInsensitive)
        || text.endsWith(QLatin1Char('.')))
        return QValidator::Intermediate;
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return QValidator::Invalid;
    return value >= minimum() && value <= maximum() ? QValidator::Acceptable
                                                    : QValidator::Intermediate;
}
