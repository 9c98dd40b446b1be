// SPDX-License-Identifier: MIT
#pragma once

#include "figureoptions.h"

#include <QColor>
#include <QString>

class QPalette;

/// Colours, line width and text size of a plot. Colours are Okabe–Ito's, which colour-blind
/// readers can tell apart; f and f′ also differ in line style (f solid, f′ dashed). A single
/// curve draws f and f′ in two colours, several curves one colour each.
struct PlotStyle
{
    QColor background; ///< Qt::transparent for no background
    QColor ink;        ///< axes, labels, legend text
    QColor grid;
    QColor zeroLine;
    QColor eluColor;        ///< a single curve's f
    QColor derivativeColor; ///< a single curve's f′
    double lineWidth = 2.0;
    int fontPixelSize = 0; ///< 0: the application font
    QString fontFamily;    ///< empty: the application font

    /// Curve `index` of several (0 to 7): its f solid and its f′ dashed in this colour, the
    /// Okabe–Ito colours in a fixed order (the last is the ink, black on light, white on dark).
    QColor curveColor(int index) const;

    /// The window's style, following the system's light or dark palette.
    static PlotStyle forPalette(const QPalette &palette);

    /// An exported figure's style; text and lines grow with the figure so that an 800×600
    /// figure printed at column width stays legible.
    static PlotStyle forFigure(elu::FigureTheme theme, int width, int height);
};
