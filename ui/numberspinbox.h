// SPDX-License-Identifier: MIT
#pragma once

#include <QDoubleSpinBox>

/// A QDoubleSpinBox that shows and accepts numbers exactly: typing 0.123456789 keeps every digit,
/// and values are shown in their shortest round-trip form ("1", "0.1", "1e-05"), not padded with
/// zeros to a fixed number of decimals.
class NumberSpinBox : public QDoubleSpinBox
{
    Q_OBJECT

public:
    explicit NumberSpinBox(QWidget *parent = nullptr);

    QString textFromValue(double value) const override;
    double valueFromText(const QString &text) const override;
    QValidator::State validate(QString &input, int &position) const override;
};
