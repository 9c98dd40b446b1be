// SPDX-License-Identifier: MIT
#pragma once

#include "writeerror.h"

#include <QString>

#include <functional>
#include <optional>
#include <vector>

class AnimationFrames;

/// Animated GIF (giflib, a palette of the figure's colours and their blends) or lossless
/// animated WebP (libwebp's WebPAnimEncoder); both loop forever.
enum class AnimationFormat { Gif, Webp };

/// "gif" or "webp": the format's file suffix, and its command-line option without the dashes.
QString animationSuffix(AnimationFormat format);
/// The format a path's suffix names (.gif, .webp, any case), or nullopt.
std::optional<AnimationFormat> animationFormatForPath(const QString &path);

/// One file to write.
struct AnimationTarget
{
    QString path;
    AnimationFormat format;
};

/// After each frame is drawn (and handed to the encoders): frames done and in all; once more
/// with done == total when the last is encoded, before anything is written. Returns false to
/// cancel.
using AnimationProgress = std::function<bool(int done, int total)>;

/// Draws every frame once (on this thread) and encodes it into each target (on a worker thread,
/// while the next frame is drawn), then writes each file completely or not at all. A cancelled
/// run writes nothing and says "cancelled"; once every target has failed, drawing stops.
/// Returns one result per target.
std::vector<elu::WriteResult> saveAnimations(const std::vector<AnimationTarget> &targets,
                                             AnimationFrames &frames,
                                             const AnimationProgress &progress = {});
