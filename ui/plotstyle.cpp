// SPDX-License-Identifier: MIT
#include "plotstyle.h"

#include <QPalette>

#include <algorithm>
#include <cmath>

namespace {

// Okabe & Ito (2008): blue and vermillion on light backgrounds, sky blue and orange on dark.
const QColor blue(0x00, 0x72, 0xB2);
const QColor vermillion(0xD5, 0x5E, 0x00);
const QColor skyBlue(0x56, 0xB4, 0xE9);
const QColor orange(0xE6, 0x9F, 0x00);

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
    static const QColor light[] = {blue,   vermillion, QColor(0x00, 0x9E, 0x73),
                                   QColor(0xCC, 0x79, 0xA7), orange, skyBlue,
                                   QColor(0xF0, 0xE4, 0x42)};
    static const QColor dark[] = {skyBlue, orange, QColor(0x00, 0x9E, 0x73),
                                  QColor(0xCC, 0x79, 0xA7), QColor(0xF0, 0xE4, 0x42),
                                  vermillion, blue};
    const bool onDark = background.alpha() > 0 && background.lightnessF() < 0.5;
    const int count = int(std::size(light));
    if (index < 0 || index >= count)
        return ink;
    return onDark ? dark[index] : light[index];
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
