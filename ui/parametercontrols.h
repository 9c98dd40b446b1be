// SPDX-License-Identifier: MIT
#pragma once

#include "parametermodel.h"

#include <QWidget>

class QSpinBox;
class SliderSpinBox;

/// The α, xmin, xmax and point-count controls, bound to a ParameterModel: user edits go to the
/// model, and the model's state (including an end it moved to keep xmin < xmax) comes back.
class ParameterControls : public QWidget
{
    Q_OBJECT

public:
    explicit ParameterControls(elu::ParameterModel *model, QWidget *parent = nullptr);

    SliderSpinBox *alphaControl() const { return m_alpha; }
    SliderSpinBox *xminControl() const { return m_xmin; }
    SliderSpinBox *xmaxControl() const { return m_xmax; }
    QSpinBox *pointsControl() const { return m_points; }

private:
    void edit(bool (elu::ParameterModel::*set)(double), double value);
    void showParameters(const elu::Parameters &parameters);
    void flashMovedEnd(elu::ParameterModel::RangeEnd end);

    elu::ParameterModel *m_model;
    SliderSpinBox *m_alpha;
    SliderSpinBox *m_xmin;
    SliderSpinBox *m_xmax;
    QSpinBox *m_points;
};
