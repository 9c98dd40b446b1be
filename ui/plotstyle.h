// SPDX-License-Identifier: MIT
#pragma once

#include "figureoptions.h"

#include <QColor>
#include <QString>

class QPalette;

/// Colours, line width and text size of a plot. The two curves use Okabe–Ito colours, which
/// colour-blind readers can tell apart, and also differ in line style (ELU solid, ELU′ dashed).
struct PlotStyle
{
    QColor background; ///< Qt::transparent for no background
    QColor ink;        ///< axes, labels, legend text
    QColor grid;
    QColor zeroLine;
    QColor eluColor;
    QColor derivativeColor;
    double lineWidth = 2.0;
    int fontPixelSize = 0; ///< 0: the application font
    QString fontFamily;    ///< empty: the application font

    /// The window's style, following the system's light or dark palette.
    static PlotStyle forPalette(const QPalette &palette);

    /// An exported figure's style; text and lines grow with the figure so that an 800×600
    /// figure printed at column width stays legible.
    static PlotStyle forFigure(elu::FigureTheme theme, int width, int height);
};
