// SPDX-License-Identifier: MIT
#pragma once

#include "figureoptions.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

/// Asks where to save a figure (PNG, SVG or PDF by the file's suffix) and its size, PNG scale
/// and theme.
class FigureExportDialog : public QDialog
{
    Q_OBJECT

public:
    FigureExportDialog(const QString &suggestedPath, const elu::FigureOptions &options,
                       QWidget *parent = nullptr);

    QString path() const;
    elu::FigureOptions options() const;

private:
    void browse();
    void updateAcceptable();

    QLineEdit *m_path;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QDoubleSpinBox *m_scale;
    QComboBox *m_theme;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_problem;
};
