// SPDX-License-Identifier: MIT
#include "sliderspinbox.h"

#include "numberspinbox.h"

#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>

SliderSpinBox::SliderSpinBox(const elu::SliderMapping &mapping, double minimum, double maximum,
                             const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_mapping(mapping)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_spinBox(new NumberSpinBox(this))
{
    m_slider->setRange(0, mapping.steps());
    m_slider->setPageStep(mapping.steps() / 20);
    m_slider->setAccessibleName(tr("%1 slider").arg(accessibleName));
    m_spinBox->setRange(minimum, maximum);
    m_spinBox->setSingleStep(0.1);
    m_spinBox->setAccessibleName(accessibleName);
    m_spinBox->setMinimumWidth(
        // Wide enough for the exact values it takes, e.g. SELU's α 1.6732632423543772.
        m_spinBox->fontMetrics().horizontalAdvance(QStringLiteral("-1.6732632423543772")) + 30);
    setFocusProxy(m_spinBox);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spinBox);

    connect(m_slider, &QSlider::valueChanged, this, &SliderSpinBox::onSliderMoved);
    connect(m_spinBox, &QDoubleSpinBox::valueChanged, this, &SliderSpinBox::onSpinBoxChanged);
}

void SliderSpinBox::setMapping(const elu::SliderMapping &mapping, double minimum, double maximum,
                               double value)
{
    const QSignalBlocker blockSpinBox(m_spinBox);
    const QSignalBlocker blockSlider(m_slider);
    m_mapping = mapping;
    m_slider->setRange(0, mapping.steps());
    m_slider->setPageStep(mapping.steps() / 20);
    m_spinBox->setRange(minimum, maximum);
    m_spinBox->setSpecialValueText(minimum == maximum ? tr("none") : QString());
    setValue(value);
}

double SliderSpinBox::value() const
{
    return m_spinBox->value();
}

void SliderSpinBox::setValue(double value)
{
    const QSignalBlocker blockSpinBox(m_spinBox);
    const QSignalBlocker blockSlider(m_slider);
    m_spinBox->setValue(value);
    m_slider->setValue(m_mapping.positionOf(value));
}

void SliderSpinBox::onSliderMoved(int position)
{
    const double value = m_mapping.valueAt(position);
    {
        const QSignalBlocker block(m_spinBox);
        m_spinBox->setValue(value);
    }
    emit valueEdited(value);
}

void SliderSpinBox::onSpinBoxChanged(double value)
{
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(m_mapping.positionOf(value));
    }
    emit valueEdited(value);
}
