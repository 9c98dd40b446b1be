// SPDX-License-Identifier: MIT
#pragma once

#include "slidermapping.h"

#include <QWidget>

class QSlider;
class NumberSpinBox;

/// A slider and a spin box for one number, kept in sync. Dragging emits valueEdited on every
/// move (not only on release); typing emits it when the edit is finished. setValue() shows a
/// value without emitting, so the model can push its state back without feedback loops.
class SliderSpinBox : public QWidget
{
    Q_OBJECT

public:
    /// `minimum`/`maximum` bound the spin box, which may reach beyond the slider's mapping.
    SliderSpinBox(const elu::SliderMapping &mapping, double minimum, double maximum,
                  const QString &accessibleName, QWidget *parent = nullptr);

    /// Another mapping and spin-box range (another activation's parameter); shows `value`.
    void setMapping(const elu::SliderMapping &mapping, double minimum, double maximum,
                    double value);

    double value() const;
    void setValue(double value);

    QSlider *slider() const { return m_slider; }
    NumberSpinBox *spinBox() const { return m_spinBox; }

signals:
    void valueEdited(double value);

private:
    void onSliderMoved(int position);
    void onSpinBoxChanged(double value);

    elu::SliderMapping m_mapping;
    QSlider *m_slider;
    NumberSpinBox *m_spinBox;
};
