// SPDX-License-Identifier: MIT
#include "familydialog.h"

#include "catalogue.h"
#include "curvespec.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

FamilyDialog::FamilyDialog(elu::ActivationId suggested, QWidget *parent)
    : QDialog(parent)
    , m_activation(new QComboBox(this))
    , m_values(new QLineEdit(this))
    , m_feedback(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add Family"));
    for (const elu::Activation &row : elu::catalogue()) {
        if (!row.parameter)
            continue;
        m_activation->addItem(QStringLiteral("%1 (%2)").arg(row.displayName, row.parameter->symbol),
                              int(row.id));
        if (row.id == suggested)
            m_activation->setCurrentIndex(m_activation->count() - 1);
    }
    m_activation->setAccessibleName(tr("Activation"));
    m_values->setText(QStringLiteral("0.5, 1, 2"));
    m_values->setAccessibleName(tr("Parameter values"));
    m_values->setPlaceholderText(tr("0.5, 1, 2  or  0.5 to 2 by 4"));
    m_feedback->setWordWrap(true);
    m_feedback->setAccessibleName(tr("What will be added"));

    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Activation:"), m_activation);
    layout->addRow(tr("&Values:"), m_values);
    layout->addRow(m_feedback);
    layout->addRow(m_buttons);

    connect(m_activation, &QComboBox::currentIndexChanged, this, &FamilyDialog::update);
    connect(m_values, &QLineEdit::textChanged, this, &FamilyDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

std::vector<elu::Curve> FamilyDialog::curves() const
{
    return elu::parseFamily(elu::ActivationId(m_activation->currentData().toInt()),
                            m_values->text())
        .curves;
}

void FamilyDialog::update()
{
    const elu::ParsedCurves parsed =
        elu::parseFamily(elu::ActivationId(m_activation->currentData().toInt()), m_values->text());
    QStringList labels;
    for (const elu::Curve &curve : parsed.curves)
        labels << curve.displayLabel();
    m_feedback->setText(parsed.error.isEmpty() ? tr("Adds %1.").arg(labels.join(QStringLiteral("; ")))
                                               : tr("Not yet: %1.").arg(parsed.error));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(parsed.error.isEmpty());
}
