// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

/// Help ▸ About: the application's name and version, the Qt and QCustomPlot versions it runs
/// with, its licence and the formulas it plots. The plot library's version is passed in so
/// that only the plot view includes qcustomplot.h.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const QString &plotLibraryVersion, QWidget *parent = nullptr);
};
