// SPDX-License-Identifier: MIT
#pragma once

#include "plotspec.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// "Add family…": one activation (those with a parameter) at several parameter values, typed
/// as "0.5, 1, 2" or as a range with a count, "0.5 to 2 by 4". OK stays disabled, with the
/// reason shown, until the text gives a valid family.
class FamilyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FamilyDialog(elu::ActivationId suggested, QWidget *parent = nullptr);

    /// The family the dialog shows now; empty while the text is not valid.
    std::vector<elu::Curve> curves() const;

    QComboBox *activationBox() const { return m_activation; }
    QLineEdit *valuesEdit() const { return m_values; }
    QLabel *feedbackLabel() const { return m_feedback; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void update();

    QComboBox *m_activation;
    QLineEdit *m_values;
    QLabel *m_feedback;
    QDialogButtonBox *m_buttons;
};
