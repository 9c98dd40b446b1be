// SPDX-License-Identifier: MIT
#pragma once

#include "plotmodel.h"

#include <QWidget>

class QLabel;
class QSpinBox;
class SliderSpinBox;

/// The parameter (of the first curve: α for ELU, s for Leaky ReLU, β for Softplus; disabled for
/// an activation without one), xmin, xmax and point-count controls, bound to a PlotModel:
/// user edits go to the model, and the model's state (including an end it moved to keep
/// xmin < xmax) comes back.
class ParameterControls : public QWidget
{
    Q_OBJECT

public:
    explicit ParameterControls(elu::PlotModel *model, QWidget *parent = nullptr);
    ~ParameterControls() override;

    SliderSpinBox *alphaControl() const { return m_alpha; }
    QLabel *parameterLabel() const { return m_parameterLabel; }
    SliderSpinBox *xminControl() const { return m_xmin; }
    SliderSpinBox *xmaxControl() const { return m_xmax; }
    QSpinBox *pointsControl() const { return m_points; }

private:
    void edit(bool (elu::PlotModel::*set)(double), double value);
    void showParameters(const elu::PlotSpec &parameters);
    void flashMovedEnd(elu::PlotModel::RangeEnd end);
    void showParameterOf(const elu::Curve &curve);

    elu::PlotModel *m_model;
    SliderSpinBox *m_alpha; ///< the first curve's parameter, whichever it is
    QLabel *m_parameterLabel;
    elu::ActivationId m_shownActivation = elu::ActivationId::Elu;
    SliderSpinBox *m_xmin;
    SliderSpinBox *m_xmax;
    QSpinBox *m_points;
};
