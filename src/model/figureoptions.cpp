// SPDX-License-Identifier: MIT
#include "figureoptions.h"

#include "plotspec.h"

#include <QStringList>

#include <cmath>

namespace elu {

QString figureSideError(int side)
{
    if (side >= limits::figureSideMin && side <= limits::figureSideMax)
        return {};
    return QStringLiteral("a figure side must be a whole number of pixels from %1 to %2")
        .arg(limits::figureSideMin)
        .arg(limits::figureSideMax);
}

QString figureScaleError(double scale, int width, int height)
{
    if (!std::isfinite(scale) || scale < limits::figureScaleMin || scale > limits::figureScaleMax)
        return QStringLiteral("the scale must be a number from %1 to %2")
            .arg(formatNumber(limits::figureScaleMin), formatNumber(limits::figureScaleMax));
    if (width * scale * height * scale > limits::figurePixelsMax)
        return QStringLiteral("width × scale × height × scale must stay within %1 million pixels")
            .arg(limits::figurePixelsMax / 1e6);
    return {};
}

QString themeName(FigureTheme theme)
{
    switch (theme) {
    case FigureTheme::Light:
        return QStringLiteral("light");
    case FigureTheme::Dark:
        return QStringLiteral("dark");
    case FigureTheme::Transparent:
        return QStringLiteral("transparent");
    }
    return {};
}

std::optional<FigureTheme> themeFromName(const QString &name)
{
    for (FigureTheme theme : allThemes) {
        if (name == themeName(theme))
            return theme;
    }
    return std::nullopt;
}

QString acceptedThemeNames()
{
    QStringList names;
    for (FigureTheme theme : allThemes)
        names << themeName(theme);
    return names.join(QStringLiteral(", "));
}

} // namespace elu
