// SPDX-License-Identifier: MIT
#pragma once

#include "figureoptions.h"

#include <QString>

namespace elu {

namespace limits {
/// An animation frame holds at most 3840 × 2160 pixels' worth (8.3 million).
inline constexpr double animationFramePixelsMax = 3840.0 * 2160.0;
/// And each side at most WebP's 16383 pixels (a GIF's would be 65535).
inline constexpr int animationSideMax = 16383;
} // namespace limits

/// What the command line and the window's dialog both refuse, each as the reason alone.
/// Empty when width·scale × height·scale, rounded as the frames are, stays within
/// limits::animationFramePixelsMax and each side within limits::animationSideMax.
QString animationSizeError(const FigureOptions &figure);
/// Empty unless `theme` is transparent, which a GIF (one transparent colour) cannot hold.
QString gifThemeError(FigureTheme theme);
/// Empty when each of `frames` frames in `seconds` lasts at least limits::frameMinMs.
QString frameTimingError(int frames, double seconds);

} // namespace elu
