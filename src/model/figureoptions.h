// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace elu {

/// Background and ink of an exported figure. Transparent keeps light-theme ink on no background.
enum class FigureTheme { Light, Dark, Transparent };

/// How a figure is exported: size in logical pixels (points in PDF and SVG), PNG scale factor.
struct FigureOptions
{
    int width = 800;
    int height = 600;
    double scale = 2.0;
    FigureTheme theme = FigureTheme::Light;

    friend bool operator==(const FigureOptions &, const FigureOptions &) = default;
};

namespace limits {
inline constexpr int figureSideMin = 200;
inline constexpr int figureSideMax = 10000;
inline constexpr double figureScaleMin = 0.5;
inline constexpr double figureScaleMax = 8.0;
/// A PNG may hold at most this many pixels (width × scale × height × scale): 400 MB of RGBA.
inline constexpr double figurePixelsMax = 100e6;
} // namespace limits

/// Empty when 200 ≤ side ≤ 10000; otherwise what is accepted.
QString figureSideError(int side);
/// Empty when 0.5 ≤ scale ≤ 8 and the PNG stays within 100 million pixels.
QString figureScaleError(double scale, int width, int height);

/// Every theme, in the order menus list them.
inline constexpr FigureTheme allThemes[] = {FigureTheme::Light, FigureTheme::Dark,
                                            FigureTheme::Transparent};

QString themeName(FigureTheme theme);
/// "light", "dark" or "transparent"; anything else is nullopt.
std::optional<FigureTheme> themeFromName(const QString &name);
/// "light, dark, transparent": for messages and help.
QString acceptedThemeNames();

} // namespace elu
