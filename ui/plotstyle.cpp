// SPDX-License-Identifier: MIT
#include "plotstyle.h"

#include "palette.h"

#include <QPalette>

#include <algorithm>
#include <cmath>

namespace {

// Okabe & Ito (2008): blue and vermillion on light backgrounds, sky blue and orange on dark.
// The values are palette.h's, which the LaTeX export shares.
const QColor blue = QColor::fromRgb(elu::palette::blue);
const QColor vermillion = QColor::fromRgb(elu::palette::vermillion);
const QColor skyBlue = QColor::fromRgb(elu::palette::skyBlue);
const QColor orange = QColor::fromRgb(elu::palette::orange);

QColor mix(const QColor &a, const QColor &b, double weightOfB)
{
    auto channel = [&](int x, int y) { return int(std::lround(x + (y - x) * weightOfB)); };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()),
                  channel(a.blue(), b.blue()));
}

PlotStyle styleFor(const QColor &background, const QColor &ink)
{
    const bool dark = background.lightnessF() < 0.5;
    PlotStyle style;
    style.background = background;
    style.ink = ink;
    style.grid = mix(background, ink, 0.15);
    style.zeroLine = mix(background, ink, 0.45);
    style.eluColor = dark ? skyBlue : blue;
    style.derivativeColor = dark ? orange : vermillion;
    return style;
}

} // namespace

QColor PlotStyle::curveColor(int index) const
{
    // Blue and vermillion first, as a single curve's pair; yellow late, for it is faint on white.
    const bool onDark = background.alpha() > 0 && background.lightnessF() < 0.5;
    const int count = int(elu::palette::lightCurves.size());
    if (index < 0 || index >= count)
        return ink;
    return QColor::fromRgb(onDark ? elu::palette::darkCurves[std::size_t(index)]
                                  : elu::palette::lightCurves[std::size_t(index)]);
}

PlotStyle PlotStyle::forPalette(const QPalette &palette)
{
    return styleFor(palette.color(QPalette::Base), palette.color(QPalette::Text));
}

PlotStyle PlotStyle::forFigure(elu::FigureTheme theme, int width, int height)
{
    PlotStyle style = theme == elu::FigureTheme::Dark
                          ? styleFor(QColor(0x1E, 0x1E, 0x1E), QColor(0xEE, 0xEE, 0xEE))
                          : styleFor(Qt::white, QColor(0x20, 0x20, 0x20));
    if (theme == elu::FigureTheme::Transparent)
        style.background = Qt::transparent;
    // 19 px text and 3 px lines at 800×600, growing with the shorter side: an 800×600 figure
    // scaled to one article column (~85 mm) still has 6 pt text.
    const double shorterSide = std::min(width, height);
    // The smallest figures (200 px) get 9 px text, which their legend needs to fit.
    style.fontPixelSize = std::clamp(int(std::lround(shorterSide / 32.0)), 9, 80);
    // A font every figure names the same way, so SVG and PDF look alike everywhere.
    style.fontFamily = QStringLiteral("DejaVu Sans");
    style.lineWidth = std::max(2.0, style.fontPixelSize / 6.0);
    return style;
}
