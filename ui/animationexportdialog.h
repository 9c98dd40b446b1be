// SPDX-License-Identifier: MIT
#pragma once

#include "activation.h"
#include "animationwriter.h"
#include "figureoptions.h"
#include "parametersweep.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

/// What Export Animation asks: the file (its suffix is the format), the frames' size, scale and
/// theme, and the sweep (bounds, frames, duration, looping or back and forth).
struct AnimationRequest
{
    QString path;
    AnimationFormat format = AnimationFormat::Gif;
    elu::FigureOptions figure;
    elu::ParameterSweep sweep;
};

/// The Export Animation dialog. The sweep's keyword and the bounds' range come from the curve
/// that moves; Save stays disabled, with the reason shown, while the request cannot be written.
class AnimationExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// `suggested` fills every field; `parameter` (the moving curve's) bounds FROM and TO.
    AnimationExportDialog(const AnimationRequest &suggested,
                          const elu::ActivationParameter &parameter, QWidget *parent = nullptr);

    AnimationRequest request() const;
    /// A further check of the sweep (the window's: no frame may make two curves the same);
    /// returns why it cannot be written, or nothing.
    void setSweepCheck(std::function<QString(const elu::ParameterSweep &)> check);
    /// Why the request cannot be written; empty when Save is enabled.
    QString problem() const;

private:
    void browse();
    void onFormatChosen();
    void updateAcceptable();

    QLineEdit *m_path;
    QComboBox *m_format;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QDoubleSpinBox *m_scale;
    QComboBox *m_theme;
    QDoubleSpinBox *m_from;
    QDoubleSpinBox *m_to;
    QSpinBox *m_frames;
    QDoubleSpinBox *m_duration;
    QCheckBox *m_bounce;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_problem;
    elu::ActivationParameter m_parameter;
    std::function<QString(const elu::ParameterSweep &)> m_sweepCheck;
};
