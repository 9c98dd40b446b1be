// SPDX-License-Identifier: MIT
#include "animationlimits.h"

#include "parametersweep.h"
#include "plotspec.h"

#include <algorithm>
#include <cmath>

namespace elu {

QString animationSizeError(const FigureOptions &figure)
{
    // Rounded as QCustomPlot rounds a figure's pixels (the frames' size).
    const int width = qRound(figure.width * figure.scale);
    const int height = qRound(figure.height * figure.scale);
    if (std::max(width, height) > limits::animationSideMax)
        return QStringLiteral("a frame's side is at most %1 pixels (WebP's limit); %2 × %3 at "
                              "scale %4 is %5 × %6")
            .arg(limits::animationSideMax)
            .arg(figure.width)
            .arg(figure.height)
            .arg(formatNumber(figure.scale))
            .arg(width)
            .arg(height);
    const double pixels = double(width) * double(height);
    if (pixels <= limits::animationFramePixelsMax)
        return {};
    return QStringLiteral("a frame holds at most 3840 × 2160 pixels' worth (8.3 million); "
                          "%1 × %2 at scale %3 is %4 million")
        .arg(figure.width)
        .arg(figure.height)
        .arg(formatNumber(figure.scale))
        .arg(pixels / 1e6, 0, 'f', 1);
}

QString gifThemeError(FigureTheme theme)
{
    if (theme != FigureTheme::Transparent)
        return {};
    return QStringLiteral("a GIF has one fully transparent colour and no partial transparency, "
                          "which antialiased lines need; use the light or dark theme, or WebP");
}

QString frameTimingError(int frames, double seconds)
{
    if (1000.0 * seconds / frames >= limits::frameMinMs)
        return {};
    // A no-break space keeps "1 s" together where the dialog wraps the line.
    return QStringLiteral("browsers show GIF frames shorter than %1 ms, and WebP frames of 10 ms "
                          "or less, for 100 ms, so %2\u00a0s allows at most %3 frames")
        .arg(limits::frameMinMs)
        .arg(formatNumber(seconds))
        .arg(int(std::floor(1000.0 * seconds / limits::frameMinMs)));
}

} // namespace elu
