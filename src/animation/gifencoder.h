// SPDX-License-Identifier: MIT
#pragma once

#include "animationencoder.h"

#include <memory>
#include <vector>

namespace elu {

/// An animated GIF89a that loops forever, for a plot in a theme: themeColours is the background
/// followed by the ink colours (text, axes, grid, each curve's colour), as 0xRRGGBB; see
/// GifPalette for the colour table built from them, and its blendErrorBound() for how far a
/// decoded pixel can be from its frame. Frames must be opaque. GIF counts time in 1/100 s: each
/// frame lasts round(end / 10) − round(start / 10) centiseconds of the running time in ms, so
/// the total is the sum of the durations, rounded once, however many frames there are. Viewers
/// (browsers, Qt) show a delay under 2 cs as 10 cs: frames of 20 ms or more always get 2 cs or
/// more, shorter ones may not.
std::unique_ptr<AnimationEncoder> makeGifEncoder(int width, int height,
                                                 const std::vector<quint32> &themeColours);

} // namespace elu
