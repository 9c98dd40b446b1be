// SPDX-License-Identifier: MIT
#include "animationencoder.h"

namespace elu {

QString frameProblem(const FramePixels &frame, int width, int height, int durationMs)
{
    if (frame.width != width || frame.height != height)
        return QStringLiteral("The frame is %1 × %2 pixels; the animation is %3 × %4")
            .arg(frame.width)
            .arg(frame.height)
            .arg(width)
            .arg(height);
    if (!frame.bits || frame.bytesPerLine < qsizetype(width) * 4)
        return QStringLiteral("The frame has no pixels, or rows shorter than %1 pixels").arg(width);
    if (durationMs < 0)
        return QStringLiteral("A frame cannot last %1 ms").arg(durationMs);
    return {};
}

} // namespace elu
