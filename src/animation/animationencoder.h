// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace elu {

/// One frame: 32-bit pixels 0xAARRGGBB as quint32 in native byte order (QImage::Format_ARGB32,
/// not premultiplied), rows `bytesPerLine` bytes apart.
struct FramePixels
{
    int width = 0;
    int height = 0;
    qsizetype bytesPerLine = 0;
    const uchar *bits = nullptr;
};

/// Writes an animation frame by frame into memory (GIF or WebP; see makeGifEncoder and
/// makeWebpEncoder). Qt Core only, so the encoders run off the GUI thread and in tests alike.
class AnimationEncoder
{
public:
    virtual ~AnimationEncoder() = default;
    /// Adds the next frame (the encoder's size), shown for durationMs. False on failure
    /// (error()); a refused frame leaves the animation as it was.
    virtual bool addFrame(const FramePixels &frame, int durationMs) = 0;
    /// The complete file; empty on failure (error() says why). Call once, after the last frame.
    virtual QByteArray finish() = 0;
    QString error() const { return m_error; }

protected:
    QString m_error;
};

/// Why `frame` cannot be a frame of a width × height animation; empty if it can. Shared by
/// the encoders so that they refuse the same things in the same words.
QString frameProblem(const FramePixels &frame, int width, int height, int durationMs);

} // namespace elu
