// SPDX-License-Identifier: MIT
#pragma once

#include "animationencoder.h"

#include <memory>

namespace elu {

/// A lossless animated WebP that loops forever: every decoded frame is its input, pixel for
/// pixel, alpha included (and the colour under fully transparent pixels). Frames may be
/// translucent. Timestamps are whole milliseconds, so no duration is rounded. A frame equal to
/// the one before may be merged into it, its duration added: it looks the same. When that
/// leaves one frame, libwebp writes a still image, which has no timing.
std::unique_ptr<AnimationEncoder> makeWebpEncoder(int width, int height);

} // namespace elu
