// SPDX-License-Identifier: MIT
#pragma once

#include "figureoptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

/// Asks where to save a figure (PNG, SVG, PDF or LaTeX by the file's suffix) and its size, PNG
/// scale and theme; for LaTeX, whether the samples go to a CSV beside the .tex.
class FigureExportDialog : public QDialog
{
    Q_OBJECT

public:
    FigureExportDialog(const QString &suggestedPath, const elu::FigureOptions &options,
                       QWidget *parent = nullptr);

    QString path() const;
    elu::FigureOptions options() const;
    /// "Data beside (CSV)" is checked and the file is a .tex (saveTex's `withData`).
    bool texData() const;

private:
    void browse();
    void updateAcceptable();

    QLineEdit *m_path;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QDoubleSpinBox *m_scale;
    QComboBox *m_theme;
    QCheckBox *m_texData;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_problem;
};
